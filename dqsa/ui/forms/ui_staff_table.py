# Automatically generated from forms/staff_table.ui by dqsa.ui.build_forms - do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_StaffTable(object):
    def setupUi(self, StaffTable):
        if not StaffTable.objectName():
            StaffTable.setObjectName(u"StaffTable")
        self.mainLayout = QVBoxLayout(StaffTable)
        self.mainLayout.setObjectName(u"mainLayout")
        self.rosterLabel = QLabel(StaffTable)
        self.rosterLabel.setObjectName(u"rosterLabel")
        self.rosterLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.rosterLabel)

        self.staffTable = QTableWidget(StaffTable)
        self.staffTable.setObjectName(u"staffTable")
        self.staffTable.setMinimumSize(QSize(0, 180))
        self.staffTable.setTabKeyNavigation(False)
        self.staffTable.setSelectionBehavior(QAbstractItemView.SelectItems)

        self.mainLayout.addWidget(self.staffTable)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.addButton = QPushButton(StaffTable)
        self.addButton.setObjectName(u"addButton")

        self.buttonLayout.addWidget(self.addButton)

        self.removeButton = QPushButton(StaffTable)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonLayout.addWidget(self.removeButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)


        self.mainLayout.addLayout(self.buttonLayout)

        self.errorLabel = QLabel(StaffTable)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

#if QT_CONFIG(shortcut)
        self.rosterLabel.setBuddy(self.staffTable)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StaffTable)

        QMetaObject.connectSlotsByName(StaffTable)
    # setupUi

    def retranslateUi(self, StaffTable):
        self.rosterLabel.setText(QCoreApplication.translate("StaffTable", u"\u5de5\u4f5c\u4eba\u5458\u540d\u5355(&T)\uff08\u76f4\u63a5\u5728\u8868\u683c\u4e2d\u586b\u5199\uff1b\u7a7a\u683c\u952e\u52fe\u9009\u201c\u662f\u201d\uff09\uff1a", None))
        self.addButton.setText(QCoreApplication.translate("StaffTable", u"\u6dfb\u52a0\u4eba\u5458(&J)", None))
        self.removeButton.setText(QCoreApplication.translate("StaffTable", u"\u5220\u9664\u6240\u9009\u4eba\u5458(&K)", None))
        self.errorLabel.setText("")
        pass
    # retranslateUi

