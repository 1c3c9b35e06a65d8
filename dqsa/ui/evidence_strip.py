"""Photos and documents of one zone, mechanism or item: thumbnails, add, drop, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from dqsa.domain.errors import InvalidInput
from dqsa.store.errors import StoreError
from dqsa.store.evidence import EvidenceError, PreparedEvidence
from dqsa.store.service import CenterStore
from dqsa.ui.fields import ProblemLabel
from dqsa.ui.i18n import tr
from dqsa.ui.places import remember_folder, start_folder
from dqsa.ui.worker import Job, Report, run_in_background

#: A prepared file, or what is wrong with it.
PreparedOrProblem = PreparedEvidence | str


def _add_text() -> str:
    return tr("添加照片或文件…")


FILE_FILTER = "照片和文件 (*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.wps *.et *.odt *.ods *.txt);;所有文件 (*)"


class EvidenceStrip(QWidget):
    """Thumbnails of the evidence attached to one target, with add / remove / drop."""

    changed = Signal()

    def __init__(
        self, store: CenterStore, year: int, kind: str, target: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.year, self.kind, self.target = store, year, kind, target
        self.setAcceptDrops(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(layout)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(72, 72))
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setFixedHeight(112)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setToolTip(self.tr("可以把照片或文件拖到这里；选中后按 Delete 键删除"))
        self.list.hide()
        buttons = QVBoxLayout()
        self.job: Job[list[PreparedOrProblem]] | None = None
        self.add_button = QPushButton(_add_text())
        self.remove_button = QPushButton(self.tr("删除所选"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.problem = ProblemLabel(self)
        outer.addWidget(self.problem)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.installEventFilter(self)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for ref in self.store.evidence(self.year, self.kind, self.target):
            icon = file_icon
            thumbnail = self.store.evidence_thumbnail(ref.evidence_id) if ref.kind == "photo" else None
            if thumbnail:
                pixmap = QPixmap()
                pixmap.loadFromData(thumbnail)
                icon = QIcon(pixmap)
            item = QListWidgetItem(icon, ref.original_name)
            item.setData(Qt.ItemDataRole.UserRole, ref.link_id)
            item.setToolTip(ref.original_name)
            self.list.addItem(item)
        self.list.setVisible(self.list.count() > 0)
        self.remove_button.setVisible(self.list.count() > 0)

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择照片或文件"), str(start_folder("evidence")), FILE_FILTER
        )
        if paths:
            remember_folder("evidence", Path(paths[0]).parent)
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> Job[list[PreparedOrProblem]] | None:
        """Attach files: prepared off the GUI thread (decoding and downscaling a 12-Mpx photo
        takes a while), then saved; a bad file gets a message here, the good ones are kept.

        The prepared files are saved even if this strip is gone meanwhile (a page rebuilt,
        the wizard closed): the window waits for the job before it closes the file.
        """
        if not paths:
            return None
        store, year, kind, target = self.store, self.year, self.kind, self.target
        problems: list[str] = []

        def prepare(report: Report) -> list[PreparedOrProblem]:
            from dqsa.store.evidence import prepare_file

            prepared: list[PreparedOrProblem] = []
            for number, path in enumerate(paths, start=1):
                report(100 * (number - 1) // len(paths), path.name)
                try:
                    prepared.append(prepare_file(path))
                except (EvidenceError, InvalidInput) as exc:
                    prepared.append(str(exc))
            return prepared

        def save(prepared: list[PreparedOrProblem]) -> None:  # on the GUI thread, whatever the widgets
            for entry in prepared:
                if isinstance(entry, str):
                    problems.append(entry)
                    continue
                try:
                    store.add_evidence(year, kind, target, entry)
                except (EvidenceError, InvalidInput, StoreError) as exc:
                    problems.append(str(exc))

        self._busy(len(paths))
        self.job = run_in_background(
            prepare,
            parent=self,
            always=save,
            on_done=lambda _prepared: self._added(problems),
            on_error=lambda exc: self._added([self.tr("添加失败：{0}").format(exc)]),
            on_progress=lambda percent, name: self.add_button.setText(self.tr("正在添加 {0}…").format(name)),
        )
        return self.job

    def _busy(self, count: int) -> None:
        self.add_button.setEnabled(False)
        self.setAcceptDrops(False)
        self.add_button.setText(self.tr("正在添加 {0} 个文件…").format(count))

    def _added(self, problems: list[str]) -> None:
        self.job = None
        self.add_button.setEnabled(True)
        self.setAcceptDrops(True)
        self.add_button.setText(_add_text())
        self.problem.show_problem("\n".join(problems))
        self.reload()
        self.changed.emit()

    @property
    def busy(self) -> bool:
        return self.job is not None

    def remove_selected(self) -> None:
        try:
            for item in self.list.selectedItems():
                self.store.remove_evidence(self.year, item.data(Qt.ItemDataRole.UserRole))
            self.problem.show_problem("")
        except StoreError as exc:
            self.problem.show_problem(str(exc))
        self.reload()
        self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete (or Backspace) on the thumbnails removes the selected ones."""
        deleting = event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Delete,
            Qt.Key.Key_Backspace,
        )
        if watched is self.list and deleting and self.list.selectedItems():
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        self.add_files(paths)
        event.acceptProposedAction()
