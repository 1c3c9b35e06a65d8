# Automatically generated from forms/review_page.ui by dqsa.ui.build_forms - do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ReviewPage(object):
    def setupUi(self, ReviewPage):
        if not ReviewPage.objectName():
            ReviewPage.setObjectName(u"ReviewPage")
        self.mainLayout = QVBoxLayout(ReviewPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summaryLayout = QHBoxLayout()
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryLabel = QLabel(ReviewPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)

        self.summaryLayout.addWidget(self.summaryLabel)

        self.nextMissingButton = QPushButton(ReviewPage)
        self.nextMissingButton.setObjectName(u"nextMissingButton")

        self.summaryLayout.addWidget(self.nextMissingButton)


        self.mainLayout.addLayout(self.summaryLayout)

        self.splitter = QSplitter(ReviewPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.itemTree = QTreeWidget(self.splitter)
        self.itemTree.setObjectName(u"itemTree")
        self.itemTree.setAlternatingRowColors(True)
        self.itemTree.setUniformRowHeights(True)
        self.splitter.addWidget(self.itemTree)
        self.detailPanel = QWidget(self.splitter)
        self.detailPanel.setObjectName(u"detailPanel")
        self.detailLayout = QVBoxLayout(self.detailPanel)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.itemLabel = QLabel(self.detailPanel)
        self.itemLabel.setObjectName(u"itemLabel")
        self.itemLabel.setWordWrap(True)
        self.itemLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.detailLayout.addWidget(self.itemLabel)

        self.overrideLayout = QHBoxLayout()
        self.overrideLayout.setObjectName(u"overrideLayout")
        self.overrideLabel = QLabel(self.detailPanel)
        self.overrideLabel.setObjectName(u"overrideLabel")

        self.overrideLayout.addWidget(self.overrideLabel)

        self.overrideScoreEdit = QLineEdit(self.detailPanel)
        self.overrideScoreEdit.setObjectName(u"overrideScoreEdit")
        self.overrideScoreEdit.setMaximumSize(QSize(90, 16777215))

        self.overrideLayout.addWidget(self.overrideScoreEdit)

        self.reasonLabel = QLabel(self.detailPanel)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.overrideLayout.addWidget(self.reasonLabel)

        self.overrideReasonEdit = QLineEdit(self.detailPanel)
        self.overrideReasonEdit.setObjectName(u"overrideReasonEdit")

        self.overrideLayout.addWidget(self.overrideReasonEdit)

        self.applyOverrideButton = QPushButton(self.detailPanel)
        self.applyOverrideButton.setObjectName(u"applyOverrideButton")

        self.overrideLayout.addWidget(self.applyOverrideButton)

        self.clearOverrideButton = QPushButton(self.detailPanel)
        self.clearOverrideButton.setObjectName(u"clearOverrideButton")

        self.overrideLayout.addWidget(self.clearOverrideButton)


        self.detailLayout.addLayout(self.overrideLayout)

        self.overrideError = QLabel(self.detailPanel)
        self.overrideError.setObjectName(u"overrideError")
        self.overrideError.setWordWrap(True)

        self.detailLayout.addWidget(self.overrideError)

        self.actionLabel = QLabel(self.detailPanel)
        self.actionLabel.setObjectName(u"actionLabel")

        self.detailLayout.addWidget(self.actionLabel)

        self.actionEdit = QPlainTextEdit(self.detailPanel)
        self.actionEdit.setObjectName(u"actionEdit")
        self.actionEdit.setMaximumSize(QSize(16777215, 56))
        self.actionEdit.setTabChangesFocus(True)

        self.detailLayout.addWidget(self.actionEdit)

        self.splitter.addWidget(self.detailPanel)

        self.mainLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.overrideLabel.setBuddy(self.overrideScoreEdit)
        self.reasonLabel.setBuddy(self.overrideReasonEdit)
        self.actionLabel.setBuddy(self.actionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nextMissingButton, self.itemTree)
        QWidget.setTabOrder(self.itemTree, self.overrideScoreEdit)
        QWidget.setTabOrder(self.overrideScoreEdit, self.overrideReasonEdit)
        QWidget.setTabOrder(self.overrideReasonEdit, self.applyOverrideButton)
        QWidget.setTabOrder(self.applyOverrideButton, self.clearOverrideButton)
        QWidget.setTabOrder(self.clearOverrideButton, self.actionEdit)

        self.retranslateUi(ReviewPage)

        QMetaObject.connectSlotsByName(ReviewPage)
    # setupUi

    def retranslateUi(self, ReviewPage):
        self.summaryLabel.setText("")
        self.nextMissingButton.setText(QCoreApplication.translate("ReviewPage", u"\u4e0b\u4e00\u4e2a\u7f3a\u6539\u8fdb\u63aa\u65bd\u7684\u6761\u76ee(&J)", None))
        ___qtreewidgetitem = self.itemTree.headerItem()
        ___qtreewidgetitem.setText(4, QCoreApplication.translate("ReviewPage", u"\u4f9d\u636e", None))
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ReviewPage", u"\u6539\u8fdb\u63aa\u65bd", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ReviewPage", u"\u65b9\u5f0f", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ReviewPage", u"\u5f97\u5206", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ReviewPage", u"\u6761\u76ee", None))
        self.itemLabel.setText("")
        self.overrideLabel.setText(QCoreApplication.translate("ReviewPage", u"\u66f4\u6b63\u5f97\u5206(&G)\uff1a", None))
        self.reasonLabel.setText(QCoreApplication.translate("ReviewPage", u"\u7406\u7531(&R)\uff1a", None))
        self.overrideReasonEdit.setPlaceholderText(QCoreApplication.translate("ReviewPage", u"\u66f4\u6b63\u5fc5\u987b\u5199\u660e\u7406\u7531", None))
        self.applyOverrideButton.setText(QCoreApplication.translate("ReviewPage", u"\u66f4\u6b63(&U)", None))
        self.clearOverrideButton.setText(QCoreApplication.translate("ReviewPage", u"\u6062\u590d\u81ea\u52a8\u5f97\u5206(&Z)", None))
        self.overrideError.setText("")
        self.actionLabel.setText(QCoreApplication.translate("ReviewPage", u"\u6539\u8fdb\u63aa\u65bd(&X)\uff08\u6807\u51c6 7.5 \u6301\u7eed\u6539\u8fdb\uff0c\u672a\u5f97\u6ee1\u5206\u7684\u6761\u76ee\u586b\u5199\uff09\uff1a", None))
        pass
    # retranslateUi

