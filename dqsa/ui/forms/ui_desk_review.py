# Automatically generated from forms/desk_review.ui by dqsa.ui.build_forms - do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QSplitter,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_DeskReview(object):
    def setupUi(self, DeskReview):
        if not DeskReview.objectName():
            DeskReview.setObjectName(u"DeskReview")
        self.mainLayout = QVBoxLayout(DeskReview)
        self.mainLayout.setObjectName(u"mainLayout")
        self.navigationLayout = QHBoxLayout()
        self.navigationLayout.setObjectName(u"navigationLayout")
        self.backButton = QPushButton(DeskReview)
        self.backButton.setObjectName(u"backButton")

        self.navigationLayout.addWidget(self.backButton)

        self.previousButton = QPushButton(DeskReview)
        self.previousButton.setObjectName(u"previousButton")

        self.navigationLayout.addWidget(self.previousButton)

        self.nextButton = QPushButton(DeskReview)
        self.nextButton.setObjectName(u"nextButton")

        self.navigationLayout.addWidget(self.nextButton)

        self.navigationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navigationLayout.addItem(self.navigationSpacer)

        self.reportButton = QPushButton(DeskReview)
        self.reportButton.setObjectName(u"reportButton")

        self.navigationLayout.addWidget(self.reportButton)

        self.photosButton = QPushButton(DeskReview)
        self.photosButton.setObjectName(u"photosButton")

        self.navigationLayout.addWidget(self.photosButton)

        self.lastYearButton = QPushButton(DeskReview)
        self.lastYearButton.setObjectName(u"lastYearButton")

        self.navigationLayout.addWidget(self.lastYearButton)

        self.saveButton = QPushButton(DeskReview)
        self.saveButton.setObjectName(u"saveButton")

        self.navigationLayout.addWidget(self.saveButton)

        self.returnButton = QPushButton(DeskReview)
        self.returnButton.setObjectName(u"returnButton")

        self.navigationLayout.addWidget(self.returnButton)


        self.mainLayout.addLayout(self.navigationLayout)

        self.titleLabel = QLabel(DeskReview)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.titleLabel)

        self.infoLabel = QLabel(DeskReview)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)
        self.infoLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.mainLayout.addWidget(self.infoLabel)

        self.totalsLabel = QLabel(DeskReview)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.totalsLabel)

        self.stateLayout = QHBoxLayout()
        self.stateLayout.setObjectName(u"stateLayout")
        self.stateLabel = QLabel(DeskReview)
        self.stateLabel.setObjectName(u"stateLabel")

        self.stateLayout.addWidget(self.stateLabel)

        self.pendingRadio = QRadioButton(DeskReview)
        self.pendingRadio.setObjectName(u"pendingRadio")

        self.stateLayout.addWidget(self.pendingRadio)

        self.passedRadio = QRadioButton(DeskReview)
        self.passedRadio.setObjectName(u"passedRadio")

        self.stateLayout.addWidget(self.passedRadio)

        self.returnedRadio = QRadioButton(DeskReview)
        self.returnedRadio.setObjectName(u"returnedRadio")

        self.stateLayout.addWidget(self.returnedRadio)

        self.problemRadio = QRadioButton(DeskReview)
        self.problemRadio.setObjectName(u"problemRadio")

        self.stateLayout.addWidget(self.problemRadio)

        self.stateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.stateLayout.addItem(self.stateSpacer)

        self.reviewerLabel = QLabel(DeskReview)
        self.reviewerLabel.setObjectName(u"reviewerLabel")

        self.stateLayout.addWidget(self.reviewerLabel)

        self.reviewerEdit = QLineEdit(DeskReview)
        self.reviewerEdit.setObjectName(u"reviewerEdit")
        self.reviewerEdit.setMaxLength(60)

        self.stateLayout.addWidget(self.reviewerEdit)


        self.mainLayout.addLayout(self.stateLayout)

        self.commentLayout = QHBoxLayout()
        self.commentLayout.setObjectName(u"commentLayout")
        self.commentLabel = QLabel(DeskReview)
        self.commentLabel.setObjectName(u"commentLabel")
        self.commentLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.commentLayout.addWidget(self.commentLabel)

        self.commentEdit = QPlainTextEdit(DeskReview)
        self.commentEdit.setObjectName(u"commentEdit")
        self.commentEdit.setTabChangesFocus(True)

        self.commentLayout.addWidget(self.commentEdit)


        self.mainLayout.addLayout(self.commentLayout)

        self.commentProblem = QLabel(DeskReview)
        self.commentProblem.setObjectName(u"commentProblem")
        self.commentProblem.setWordWrap(True)

        self.mainLayout.addWidget(self.commentProblem)

        self.itemsLabel = QLabel(DeskReview)
        self.itemsLabel.setObjectName(u"itemsLabel")
        self.itemsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.itemsLabel)

        self.splitter = QSplitter(DeskReview)
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

        self.scoreLayout = QHBoxLayout()
        self.scoreLayout.setObjectName(u"scoreLayout")
        self.scoreLabel = QLabel(self.detailPanel)
        self.scoreLabel.setObjectName(u"scoreLabel")

        self.scoreLayout.addWidget(self.scoreLabel)

        self.verdictCombo = QComboBox(self.detailPanel)
        self.verdictCombo.setObjectName(u"verdictCombo")

        self.scoreLayout.addWidget(self.verdictCombo)

        self.maxLabel = QLabel(self.detailPanel)
        self.maxLabel.setObjectName(u"maxLabel")

        self.scoreLayout.addWidget(self.maxLabel)

        self.reasonLabel = QLabel(self.detailPanel)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.scoreLayout.addWidget(self.reasonLabel)

        self.reasonEdit = QLineEdit(self.detailPanel)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.scoreLayout.addWidget(self.reasonEdit)

        self.clearButton = QPushButton(self.detailPanel)
        self.clearButton.setObjectName(u"clearButton")

        self.scoreLayout.addWidget(self.clearButton)


        self.detailLayout.addLayout(self.scoreLayout)

        self.splitter.addWidget(self.detailPanel)

        self.mainLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.reviewerLabel.setBuddy(self.reviewerEdit)
        self.commentLabel.setBuddy(self.commentEdit)
        self.itemsLabel.setBuddy(self.itemTree)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pendingRadio, self.passedRadio)
        QWidget.setTabOrder(self.passedRadio, self.returnedRadio)
        QWidget.setTabOrder(self.returnedRadio, self.problemRadio)
        QWidget.setTabOrder(self.problemRadio, self.reviewerEdit)
        QWidget.setTabOrder(self.reviewerEdit, self.commentEdit)
        QWidget.setTabOrder(self.commentEdit, self.itemTree)
        QWidget.setTabOrder(self.itemTree, self.verdictCombo)
        QWidget.setTabOrder(self.verdictCombo, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.clearButton)
        QWidget.setTabOrder(self.clearButton, self.backButton)
        QWidget.setTabOrder(self.backButton, self.previousButton)
        QWidget.setTabOrder(self.previousButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.reportButton)
        QWidget.setTabOrder(self.reportButton, self.photosButton)
        QWidget.setTabOrder(self.photosButton, self.lastYearButton)
        QWidget.setTabOrder(self.lastYearButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.returnButton)

        self.retranslateUi(DeskReview)

        QMetaObject.connectSlotsByName(DeskReview)
    # setupUi

    def retranslateUi(self, DeskReview):
        self.backButton.setText(QCoreApplication.translate("DeskReview", u"\u8fd4\u56de\u5217\u8868(&B)", None))
        self.previousButton.setText(QCoreApplication.translate("DeskReview", u"\u4e0a\u4e00\u4e2a\u4e2d\u5fc3(&Q)", None))
        self.nextButton.setText(QCoreApplication.translate("DeskReview", u"\u4e0b\u4e00\u4e2a\u4e2d\u5fc3(&N)", None))
        self.reportButton.setText(QCoreApplication.translate("DeskReview", u"\u67e5\u770b\u81ea\u8bc4\u62a5\u544a(&P)", None))
        self.photosButton.setText(QCoreApplication.translate("DeskReview", u"\u67e5\u770b\u7167\u7247(&O)", None))
        self.lastYearButton.setText(QCoreApplication.translate("DeskReview", u"\u4e0a\u5e74\u6750\u6599(&L)", None))
        self.saveButton.setText(QCoreApplication.translate("DeskReview", u"\u53e6\u5b58\u6750\u6599\u5305(&S)\u2026", None))
        self.returnButton.setText(QCoreApplication.translate("DeskReview", u"\u5bfc\u51fa\u5ba1\u6838\u7ed3\u679c(&X)\u2026", None))
#if QT_CONFIG(tooltip)
        self.returnButton.setToolTip(QCoreApplication.translate("DeskReview", u"\u7b7e\u7f72\u672c\u4e2d\u5fc3\u672c\u5e74\u5ea6\u7684\u5ba1\u6838\u7ed3\u679c\uff08zip\uff09\uff0c\u4ea4\u7ed9\u4e2d\u5fc3\u5bfc\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.titleLabel.setText("")
        self.infoLabel.setText("")
        self.totalsLabel.setText("")
        self.stateLabel.setText(QCoreApplication.translate("DeskReview", u"\u5ba1\u6838\u7ed3\u8bba\uff1a", None))
        self.pendingRadio.setText(QCoreApplication.translate("DeskReview", u"\u5f85\u5ba1\u6838(&W)", None))
        self.passedRadio.setText(QCoreApplication.translate("DeskReview", u"\u901a\u8fc7(&G)", None))
        self.returnedRadio.setText(QCoreApplication.translate("DeskReview", u"\u9000\u56de\u8865\u5145(&U)", None))
        self.problemRadio.setText(QCoreApplication.translate("DeskReview", u"\u6709\u95ee\u9898(&J)", None))
        self.reviewerLabel.setText(QCoreApplication.translate("DeskReview", u"\u5ba1\u6838\u4eba(&R)\uff1a", None))
        self.reviewerEdit.setPlaceholderText(QCoreApplication.translate("DeskReview", u"\u59d3\u540d", None))
        self.commentLabel.setText(QCoreApplication.translate("DeskReview", u"\u5ba1\u6838\u610f\u89c1(&M)\uff1a", None))
        self.commentEdit.setPlaceholderText(QCoreApplication.translate("DeskReview", u"\u7ed9\u4e2d\u5fc3\u7684\u610f\u89c1\uff08\u9000\u56de\u8865\u5145\u65f6\u5199\u660e\u9700\u8981\u8865\u5145\u4ec0\u4e48\uff09", None))
        self.commentProblem.setText("")
        self.itemsLabel.setText(QCoreApplication.translate("DeskReview", u"\u9010\u9879\u590d\u6838(&I)\uff1a\u9009\u4e2d\u6761\u76ee\u540e\u5728\u4e0b\u65b9\u586b\u5199\u590d\u6838\u5f97\u5206\u548c\u7406\u7531\uff08\u4e0e\u81ea\u8bc4\u76f8\u540c\u7684\u4e0d\u5fc5\u586b\u5199\uff09", None))
        ___qtreewidgetitem = self.itemTree.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("DeskReview", u"\u590d\u6838\u7406\u7531", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("DeskReview", u"\u590d\u6838", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("DeskReview", u"\u81ea\u8bc4", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("DeskReview", u"\u6761\u76ee", None))
        self.itemLabel.setText("")
        self.scoreLabel.setText(QCoreApplication.translate("DeskReview", u"\u590d\u6838\u5f97\u5206(&K)\uff1a", None))
        self.maxLabel.setText("")
        self.reasonLabel.setText(QCoreApplication.translate("DeskReview", u"\u7406\u7531(&E)\uff1a", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("DeskReview", u"\u590d\u6838\u5f97\u5206\u4e0e\u81ea\u8bc4\u4e0d\u540c\u65f6\u5fc5\u987b\u5199\u660e\u7406\u7531", None))
        self.clearButton.setText(QCoreApplication.translate("DeskReview", u"\u6309\u81ea\u8bc4(&Z)", None))
        pass
    # retranslateUi

