"""``dqsa desk return``: sign and write a center's review result (审核结果) for the year reviewed.

A thin call into :func:`dqsa.export.review_return.return_review`; its own module so
that ``dqsa/cli/desk.py`` stays one room.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dqsa.cli.common import EXIT_FAILED, EXIT_OK, passphrase, passphrase_argument


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--center", required=True, help="中心名称")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True, help="保存到的文件夹")
    parser.add_argument("--signer", required=True, help="签署人姓名（审核人）")
    parser.add_argument("--title", required=True, help="签署人职务")
    passphrase_argument(parser)
    parser.add_argument(
        "--new-identity",
        action="store_true",
        help="找不到本台账的签署私钥又无法找回时：新建签署身份（各中心会看到新的证书指纹，需告知它们）",
    )
    parser.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    from dqsa.export.identity import IdentityMissing
    from dqsa.export.review_return import return_review
    from dqsa.export.wording import fingerprint_text
    from dqsa.store.desk.service import DeskStore

    with DeskStore.open(args.file) as desk:
        packet = desk.counted_packet(args.center, args.year)  # a clear message before the passphrase
        review = desk.review(packet.id)
        if desk.read_only:
            print(f"审核台账以只读方式打开，不能签署审核结果：\n{desk.read_only}", file=sys.stderr)
            return EXIT_FAILED
        first = desk.signing().fingerprint is None
        secret = passphrase(args, "台账签署口令：" if not first else "设定台账签署口令：")
        try:
            result = return_review(
                desk,
                packet.id,
                signer_name=args.signer,
                signer_title=args.title,
                passphrase=secret,
                out_dir=args.out,
                new_identity=args.new_identity,
            )
        except IdentityMissing as exc:
            print(str(exc), file=sys.stderr)
            print("没有写出审核结果。", file=sys.stderr)
            return EXIT_FAILED
    if args.json:
        print(
            json.dumps(
                {
                    "path": str(result.path),
                    "size": result.size,
                    "sha256": result.sha256,
                    "fingerprint": result.fingerprint,
                    "created_identity": result.created_identity,
                    "state": review.state.value,
                    "signed_at": result.signed_at.isoformat(),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return EXIT_OK
    if result.created_identity:
        print("已为本台账建立签署身份（证书）：请把下面的证书指纹告知各中心，供它们核对审核结果。")
    print(f"审核结果：{result.path}（{packet.center_name} {packet.year} 年度，{review.state.label}）")
    print(f"审核结果 SHA-256：{result.sha256}")
    print(f"本台账的证书指纹：{fingerprint_text(result.fingerprint)}")
    print("台账已记下这次返回。")
    return EXIT_OK
