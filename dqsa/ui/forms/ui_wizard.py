# Automatically generated from forms/wizard.ui by dqsa.ui.build_forms - do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPushButton, QSizePolicy,
    QSpacerItem, QStackedWidget, QVBoxLayout, QWidget)

class Ui_AssessmentWizard(object):
    def setupUi(self, AssessmentWizard):
        if not AssessmentWizard.objectName():
            AssessmentWizard.setObjectName(u"AssessmentWizard")
        self.mainLayout = QHBoxLayout(AssessmentWizard)
        self.mainLayout.setObjectName(u"mainLayout")
        self.sideLayout = QVBoxLayout()
        self.sideLayout.setObjectName(u"sideLayout")
        self.titleLabel = QLabel(AssessmentWizard)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.sideLayout.addWidget(self.titleLabel)

        self.stepList = QListWidget(AssessmentWizard)
        self.stepList.setObjectName(u"stepList")
        self.stepList.setMinimumSize(QSize(150, 0))
        self.stepList.setMaximumSize(QSize(190, 16777215))

        self.sideLayout.addWidget(self.stepList)

        self.totalsBox = QGroupBox(AssessmentWizard)
        self.totalsBox.setObjectName(u"totalsBox")
        self.totalsBox.setMaximumSize(QSize(190, 16777215))
        self.totalsLayout = QVBoxLayout(self.totalsBox)
        self.totalsLayout.setObjectName(u"totalsLayout")
        self.totalsLabel = QLabel(self.totalsBox)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setWordWrap(True)

        self.totalsLayout.addWidget(self.totalsLabel)


        self.sideLayout.addWidget(self.totalsBox)


        self.mainLayout.addLayout(self.sideLayout)

        self.pageLayout = QVBoxLayout()
        self.pageLayout.setObjectName(u"pageLayout")
        self.warningLabel = QLabel(AssessmentWizard)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setStyleSheet(u"background: #fff3cd; color: #664d03; padding: 6px; border: 1px solid #ffe69c;")

        self.pageLayout.addWidget(self.warningLabel)

        self.pageStack = QStackedWidget(AssessmentWizard)
        self.pageStack.setObjectName(u"pageStack")

        self.pageLayout.addWidget(self.pageStack)

        self.navLayout = QHBoxLayout()
        self.navLayout.setObjectName(u"navLayout")
        self.homeButton = QPushButton(AssessmentWizard)
        self.homeButton.setObjectName(u"homeButton")

        self.navLayout.addWidget(self.homeButton)

        self.navSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navLayout.addItem(self.navSpacer)

        self.backButton = QPushButton(AssessmentWizard)
        self.backButton.setObjectName(u"backButton")

        self.navLayout.addWidget(self.backButton)

        self.nextButton = QPushButton(AssessmentWizard)
        self.nextButton.setObjectName(u"nextButton")

        self.navLayout.addWidget(self.nextButton)


        self.pageLayout.addLayout(self.navLayout)


        self.mainLayout.addLayout(self.pageLayout)


        self.retranslateUi(AssessmentWizard)

        QMetaObject.connectSlotsByName(AssessmentWizard)
    # setupUi

    def retranslateUi(self, AssessmentWizard):
        self.titleLabel.setText(QCoreApplication.translate("AssessmentWizard", u"\u5e74\u5ea6\u81ea\u8bc4", None))
        self.totalsBox.setTitle(QCoreApplication.translate("AssessmentWizard", u"\u5b9e\u65f6\u5f97\u5206", None))
        self.totalsLabel.setText("")
        self.warningLabel.setText("")
        self.homeButton.setText(QCoreApplication.translate("AssessmentWizard", u"\u8fd4\u56de\u5e74\u5ea6\u5217\u8868(&Y)", None))
        self.backButton.setText(QCoreApplication.translate("AssessmentWizard", u"\u4e0a\u4e00\u6b65(&B)", None))
        self.nextButton.setText(QCoreApplication.translate("AssessmentWizard", u"\u4e0b\u4e00\u6b65(&N)", None))
        pass
    # retranslateUi

