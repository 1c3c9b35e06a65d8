# Automatically generated from forms/page_frame.ui by dqsa.ui.build_forms - do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QLabel, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PageFrame(object):
    def setupUi(self, PageFrame):
        if not PageFrame.objectName():
            PageFrame.setObjectName(u"PageFrame")
        self.mainLayout = QVBoxLayout(PageFrame)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(PageFrame)
        self.titleLabel.setObjectName(u"titleLabel")

        self.mainLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(PageFrame)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.scrollArea = QScrollArea(PageFrame)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.scrollArea.setFrameShape(QFrame.NoFrame)
        self.contents = QWidget()
        self.contents.setObjectName(u"contents")
        self.contentsLayout = QVBoxLayout(self.contents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.scrollArea.setWidget(self.contents)

        self.mainLayout.addWidget(self.scrollArea)


        self.retranslateUi(PageFrame)

        QMetaObject.connectSlotsByName(PageFrame)
    # setupUi

    def retranslateUi(self, PageFrame):
        self.titleLabel.setText(QCoreApplication.translate("PageFrame", u"\u9875\u9762\u6807\u9898", None))
        self.introLabel.setText("")
        pass
    # retranslateUi

