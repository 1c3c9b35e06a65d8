# Automatically generated from forms/profile_page.ui by dqsa.ui.build_forms - do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

class Ui_ProfilePage(object):
    def setupUi(self, ProfilePage):
        if not ProfilePage.objectName():
            ProfilePage.setObjectName(u"ProfilePage")
        self.formLayout = QFormLayout(ProfilePage)
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(ProfilePage)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(ProfilePage)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.levelLabel = QLabel(ProfilePage)
        self.levelLabel.setObjectName(u"levelLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelCombo = QComboBox(ProfilePage)
        self.levelCombo.setObjectName(u"levelCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.levelCombo)

        self.regionLabel = QLabel(ProfilePage)
        self.regionLabel.setObjectName(u"regionLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.regionEdit = QLineEdit(ProfilePage)
        self.regionEdit.setObjectName(u"regionEdit")
        self.regionEdit.setMaxLength(200)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.regionEdit)

        self.contactLabel = QLabel(ProfilePage)
        self.contactLabel.setObjectName(u"contactLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.contactLabel)

        self.contactEdit = QLineEdit(ProfilePage)
        self.contactEdit.setObjectName(u"contactEdit")
        self.contactEdit.setMaxLength(200)

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.contactEdit)

        self.assessorLabel = QLabel(ProfilePage)
        self.assessorLabel.setObjectName(u"assessorLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.assessorLabel)

        self.assessorEdit = QLineEdit(ProfilePage)
        self.assessorEdit.setObjectName(u"assessorEdit")
        self.assessorEdit.setMaxLength(200)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.assessorEdit)

        self.yearTitle = QLabel(ProfilePage)
        self.yearTitle.setObjectName(u"yearTitle")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.yearTitle)

        self.yearLabel = QLabel(ProfilePage)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.yearLabel)

        self.packTitle = QLabel(ProfilePage)
        self.packTitle.setObjectName(u"packTitle")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.packTitle)

        self.packLabel = QLabel(ProfilePage)
        self.packLabel.setObjectName(u"packLabel")
        self.packLabel.setWordWrap(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.packLabel)

        self.errorLabel = QLabel(ProfilePage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.errorLabel)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.levelLabel.setBuddy(self.levelCombo)
        self.regionLabel.setBuddy(self.regionEdit)
        self.contactLabel.setBuddy(self.contactEdit)
        self.assessorLabel.setBuddy(self.assessorEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.levelCombo)
        QWidget.setTabOrder(self.levelCombo, self.regionEdit)
        QWidget.setTabOrder(self.regionEdit, self.contactEdit)
        QWidget.setTabOrder(self.contactEdit, self.assessorEdit)

        self.retranslateUi(ProfilePage)

        QMetaObject.connectSlotsByName(ProfilePage)
    # setupUi

    def retranslateUi(self, ProfilePage):
        self.nameLabel.setText(QCoreApplication.translate("ProfilePage", u"\u4e2d\u5fc3\u540d\u79f0(&M)\uff1a", None))
        self.levelLabel.setText(QCoreApplication.translate("ProfilePage", u"\u4e2d\u5fc3\u7ea7\u522b(&L)\uff1a", None))
        self.regionLabel.setText(QCoreApplication.translate("ProfilePage", u"\u6240\u5728\u5730\u533a(&R)\uff1a", None))
        self.contactLabel.setText(QCoreApplication.translate("ProfilePage", u"\u8054\u7cfb\u65b9\u5f0f(&C)\uff1a", None))
        self.assessorLabel.setText(QCoreApplication.translate("ProfilePage", u"\u8bc4\u4f30\u4eba(&A)\uff1a", None))
        self.yearTitle.setText(QCoreApplication.translate("ProfilePage", u"\u81ea\u8bc4\u5e74\u5ea6\uff1a", None))
        self.yearLabel.setText("")
        self.packTitle.setText(QCoreApplication.translate("ProfilePage", u"\u8bc4\u5206\u6807\u51c6\uff1a", None))
        self.packLabel.setText("")
        self.errorLabel.setText("")
        pass
    # retranslateUi

