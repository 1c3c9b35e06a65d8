"""Write the JSON Schemas shipped in ``resources/`` (``python -m dqsa.schemas``).

The schemas are generated from the pydantic models, so they cannot drift; a test
checks that the shipped copies are current.
"""

from __future__ import annotations

import json

from dqsa.fileio import write_text_atomic
from dqsa.packs import pack_schema_json
from dqsa.paths import resource_path


def answers_schema_json() -> str:
    """The JSON Schema of an answers file (``dqsa-answers/1``)."""
    from dqsa.domain.answers import Answers

    schema = Answers.model_json_schema()
    schema["$id"] = "urn:dqsa:schema:answers:1"
    schema["title"] = "dqsa-answers/1 党群服务中心自评答卷"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main() -> None:
    write_text_atomic(resource_path("criteria", "criteria-pack.schema.json"), pack_schema_json())
    write_text_atomic(resource_path("answers.schema.json"), answers_schema_json())


if __name__ == "__main__":
    main()
