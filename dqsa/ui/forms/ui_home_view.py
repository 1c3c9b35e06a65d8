# Automatically generated from forms/home_view.ui by dqsa.ui.build_forms - do not edit.
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

class Ui_HomeView(object):
    def setupUi(self, HomeView):
        if not HomeView.objectName():
            HomeView.setObjectName(u"HomeView")
        self.mainLayout = QVBoxLayout(HomeView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.centerLabel = QLabel(HomeView)
        self.centerLabel.setObjectName(u"centerLabel")
        self.centerLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.centerLabel)

        self.detailsLabel = QLabel(HomeView)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.detailsLabel)

        self.listLabel = QLabel(HomeView)
        self.listLabel.setObjectName(u"listLabel")

        self.mainLayout.addWidget(self.listLabel)

        self.assessmentTable = QTableWidget(HomeView)
        self.assessmentTable.setObjectName(u"assessmentTable")
        self.assessmentTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.assessmentTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.assessmentTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.assessmentTable.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.assessmentTable)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.newButton = QPushButton(HomeView)
        self.newButton.setObjectName(u"newButton")

        self.buttonLayout.addWidget(self.newButton)

        self.openButton = QPushButton(HomeView)
        self.openButton.setObjectName(u"openButton")

        self.buttonLayout.addWidget(self.openButton)

        self.compareButton = QPushButton(HomeView)
        self.compareButton.setObjectName(u"compareButton")

        self.buttonLayout.addWidget(self.compareButton)

        self.exportButton = QPushButton(HomeView)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonLayout.addWidget(self.exportButton)

        self.deleteButton = QPushButton(HomeView)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttonLayout.addWidget(self.deleteButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.listLabel.setBuddy(self.assessmentTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.assessmentTable, self.newButton)
        QWidget.setTabOrder(self.newButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.compareButton)
        QWidget.setTabOrder(self.compareButton, self.exportButton)
        QWidget.setTabOrder(self.exportButton, self.deleteButton)

        self.retranslateUi(HomeView)

        QMetaObject.connectSlotsByName(HomeView)
    # setupUi

    def retranslateUi(self, HomeView):
        self.centerLabel.setText(QCoreApplication.translate("HomeView", u"\u4e2d\u5fc3\u540d\u79f0", None))
        self.detailsLabel.setText("")
        self.listLabel.setText(QCoreApplication.translate("HomeView", u"\u5386\u5e74\u81ea\u8bc4(&Y)\uff1a", None))
        self.newButton.setText(QCoreApplication.translate("HomeView", u"\u65b0\u5efa\u5e74\u5ea6\u81ea\u8bc4(&N)\u2026", None))
        self.openButton.setText(QCoreApplication.translate("HomeView", u"\u6253\u5f00(&O)", None))
        self.compareButton.setText(QCoreApplication.translate("HomeView", u"\u5bf9\u6bd4(&C)", None))
        self.exportButton.setText(QCoreApplication.translate("HomeView", u"\u5bfc\u51fa\u7b7e\u7f72\u6750\u6599(&E)", None))
        self.deleteButton.setText(QCoreApplication.translate("HomeView", u"\u5220\u9664(&D)", None))
        pass
    # retranslateUi

