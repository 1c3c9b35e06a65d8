# Automatically generated from forms/first_run_dialog.ui by dqsa.ui.build_forms - do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.setMinimumSize(QSize(480, 0))
        self.mainLayout = QVBoxLayout(FirstRunDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.nameLabel = QLabel(FirstRunDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(FirstRunDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.packLabel = QLabel(FirstRunDialog)
        self.packLabel.setObjectName(u"packLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.packLabel)

        self.packCombo = QComboBox(FirstRunDialog)
        self.packCombo.setObjectName(u"packCombo")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.packCombo)

        self.packNoteLabel = QLabel(FirstRunDialog)
        self.packNoteLabel.setObjectName(u"packNoteLabel")
        self.packNoteLabel.setWordWrap(True)
        self.packNoteLabel.setStyleSheet(u"color: #555;")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.packNoteLabel)

        self.levelLabel = QLabel(FirstRunDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelCombo = QComboBox(FirstRunDialog)
        self.levelCombo.setObjectName(u"levelCombo")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.levelCombo)

        self.regionLabel = QLabel(FirstRunDialog)
        self.regionLabel.setObjectName(u"regionLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.regionEdit = QLineEdit(FirstRunDialog)
        self.regionEdit.setObjectName(u"regionEdit")
        self.regionEdit.setMaxLength(200)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.regionEdit)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(FirstRunDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(FirstRunDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.packLabel.setBuddy(self.packCombo)
        self.levelLabel.setBuddy(self.levelCombo)
        self.regionLabel.setBuddy(self.regionEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.packCombo)
        QWidget.setTabOrder(self.packCombo, self.levelCombo)
        QWidget.setTabOrder(self.levelCombo, self.regionEdit)

        self.retranslateUi(FirstRunDialog)

        QMetaObject.connectSlotsByName(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"\u6b22\u8fce\u4f7f\u7528\u515a\u7fa4\u670d\u52a1\u4e2d\u5fc3\u81ea\u8bc4", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u7b2c\u4e00\u6b21\u4f7f\u7528\uff0c\u8bf7\u5148\u586b\u5199\u672c\u4e2d\u5fc3\u7684\u57fa\u672c\u60c5\u51b5\u3002\u4ee5\u540e\u53ef\u4ee5\u5728\u201c\u4e2d\u5fc3\u6982\u51b5\u201d\u4e2d\u4fee\u6539\u3002", None))
        self.nameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u4e2d\u5fc3\u540d\u79f0(&M)\uff1a", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u4f8b\u5982\uff1a\u67d0\u67d0\u6751\u515a\u7fa4\u670d\u52a1\u4e2d\u5fc3", None))
        self.packLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u8bc4\u5206\u6807\u51c6(&S)\uff1a", None))
        self.packNoteLabel.setText("")
        self.levelLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u4e2d\u5fc3\u7ea7\u522b(&L)\uff1a", None))
        self.levelCombo.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u8bf7\u9009\u62e9\u672c\u4e2d\u5fc3\u7684\u7ea7\u522b", None))
        self.regionLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u6240\u5728\u5730\u533a(&R)\uff1a", None))
        self.regionEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u4f8b\u5982\uff1a\u6e56\u5dde\u5e02\u5434\u5174\u533a\u67d0\u67d0\u8857\u9053\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.errorLabel.setText("")
    # retranslateUi

