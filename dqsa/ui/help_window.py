"""帮助 → 用户指南: the guide shipped with the program, shown in a window of its own.

Qt renders the Markdown with its pictures (``images/…`` next to the guide), so the guide
opens on every machine, also where no program is registered for ``.md`` files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from dqsa.ui.i18n import tr

#: Widest a picture of the guide is shown (the screenshots are 1000 px wide).
MAX_IMAGE_WIDTH = 720


class GuideWindow(QDialog):
    """A non-modal window with the user guide; links to other sites are not followed (offline)."""

    def __init__(self, guide: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("用户指南"))
        self.guide = guide
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # an in-page anchor is followed below; the web never
        self.browser.anchorClicked.connect(self._follow)
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.load()
        self.resize(900, 680)

    def load(self) -> None:
        """Read the guide; pictures are found relative to its folder."""
        folder = self.guide.parent
        self.browser.setSearchPaths([str(folder)])
        document = self.browser.document()
        document.setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        self.browser.setMarkdown(self.guide.read_text(encoding="utf-8"))
        self._fit_images()

    def images(self) -> list[str]:
        """The pictures the guide shows that were found and loaded."""
        document = self.browser.document()
        return [
            image.name()
            for image, _start, _length in self._image_fragments()
            if not _picture(document, image.name()).isNull()
        ]

    def _image_fragments(self) -> list[tuple[QTextImageFormat, int, int]]:
        """Every picture in the guide, with where it stands in the text."""
        found = []
        block = self.browser.document().begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    found.append(
                        (fragment.charFormat().toImageFormat(), fragment.position(), fragment.length())
                    )
                iterator += 1
            block = block.next()
        return found

    def _fit_images(self) -> None:
        """Screenshots are 1000 px wide: show them at most MAX_IMAGE_WIDTH wide, keeping their shape."""
        document = self.browser.document()
        for image, start, length in self._image_fragments():
            picture = _picture(document, image.name())
            if picture.isNull() or picture.width() <= MAX_IMAGE_WIDTH:
                continue
            image.setWidth(MAX_IMAGE_WIDTH)
            image.setHeight(picture.height() * MAX_IMAGE_WIDTH / picture.width())
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image)

    def _follow(self, url: QUrl) -> None:
        if url.hasFragment() and (not url.path() or url.isRelative()):
            self.browser.scrollToAnchor(url.fragment())


def _picture(document: QTextDocument, name: str) -> QImage:
    """A picture of the document, loaded through the browser's search paths."""
    resource = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
    if isinstance(resource, QPixmap):
        return resource.toImage()
    if isinstance(resource, QImage):
        return resource
    return QImage()
