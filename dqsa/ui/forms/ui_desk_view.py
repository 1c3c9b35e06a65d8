# Automatically generated from forms/desk_view.ui by dqsa.ui.build_forms - do not edit.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_DeskView(object):
    def setupUi(self, DeskView):
        if not DeskView.objectName():
            DeskView.setObjectName(u"DeskView")
        self.mainLayout = QVBoxLayout(DeskView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.deskLabel = QLabel(DeskView)
        self.deskLabel.setObjectName(u"deskLabel")
        self.deskLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.deskLabel)

        self.detailsLabel = QLabel(DeskView)
        self.detailsLabel.setObjectName(u"detailsLabel")
        self.detailsLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.detailsLabel)

        self.chooseLayout = QHBoxLayout()
        self.chooseLayout.setObjectName(u"chooseLayout")
        self.yearLabel = QLabel(DeskView)
        self.yearLabel.setObjectName(u"yearLabel")

        self.chooseLayout.addWidget(self.yearLabel)

        self.yearCombo = QComboBox(DeskView)
        self.yearCombo.setObjectName(u"yearCombo")

        self.chooseLayout.addWidget(self.yearCombo)

        self.chooseGap = QSpacerItem(16, 1, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.chooseLayout.addItem(self.chooseGap)

        self.standardLabel = QLabel(DeskView)
        self.standardLabel.setObjectName(u"standardLabel")

        self.chooseLayout.addWidget(self.standardLabel)

        self.standardCombo = QComboBox(DeskView)
        self.standardCombo.setObjectName(u"standardCombo")
        self.standardCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.chooseLayout.addWidget(self.standardCombo)

        self.chooseSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chooseLayout.addItem(self.chooseSpacer)


        self.mainLayout.addLayout(self.chooseLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.regionLabel = QLabel(DeskView)
        self.regionLabel.setObjectName(u"regionLabel")

        self.filterLayout.addWidget(self.regionLabel)

        self.regionCombo = QComboBox(DeskView)
        self.regionCombo.setObjectName(u"regionCombo")
        self.regionCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.filterLayout.addWidget(self.regionCombo)

        self.levelLabel = QLabel(DeskView)
        self.levelLabel.setObjectName(u"levelLabel")

        self.filterLayout.addWidget(self.levelLabel)

        self.levelCombo = QComboBox(DeskView)
        self.levelCombo.setObjectName(u"levelCombo")
        self.levelCombo.setSizeAdjustPolicy(QComboBox.AdjustToContents)

        self.filterLayout.addWidget(self.levelCombo)

        self.reviewLabel = QLabel(DeskView)
        self.reviewLabel.setObjectName(u"reviewLabel")

        self.filterLayout.addWidget(self.reviewLabel)

        self.reviewCombo = QComboBox(DeskView)
        self.reviewCombo.setObjectName(u"reviewCombo")

        self.filterLayout.addWidget(self.reviewCombo)

        self.statusLabel = QLabel(DeskView)
        self.statusLabel.setObjectName(u"statusLabel")

        self.filterLayout.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(DeskView)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filterLayout.addWidget(self.statusCombo)

        self.searchLabel = QLabel(DeskView)
        self.searchLabel.setObjectName(u"searchLabel")

        self.filterLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(DeskView)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filterLayout.addWidget(self.searchEdit)


        self.mainLayout.addLayout(self.filterLayout)

        self.tabs = QTabWidget(DeskView)
        self.tabs.setObjectName(u"tabs")
        self.tableTab = QWidget()
        self.tableTab.setObjectName(u"tableTab")
        self.tableLayout = QVBoxLayout(self.tableTab)
        self.tableLayout.setObjectName(u"tableLayout")
        self.tableLayout.setContentsMargins(0, 4, 0, 0)
        self.centerTable = QTableView(self.tableTab)
        self.centerTable.setObjectName(u"centerTable")
        self.centerTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.centerTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.centerTable.setSelectionMode(QAbstractItemView.SingleSelection)
        self.centerTable.setAlternatingRowColors(True)
        self.centerTable.setSortingEnabled(True)
        self.centerTable.setWordWrap(False)

        self.tableLayout.addWidget(self.centerTable)

        self.countLabel = QLabel(self.tableTab)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setWordWrap(True)

        self.tableLayout.addWidget(self.countLabel)

        self.missingLabel = QLabel(self.tableTab)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)
        self.missingLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.tableLayout.addWidget(self.missingLabel)

        self.tabs.addTab(self.tableTab, "")
        self.dashboardTab = QWidget()
        self.dashboardTab.setObjectName(u"dashboardTab")
        self.dashboardLayout = QVBoxLayout(self.dashboardTab)
        self.dashboardLayout.setObjectName(u"dashboardLayout")
        self.dashboardLayout.setContentsMargins(0, 4, 0, 0)
        self.tabs.addTab(self.dashboardTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.receiveButton = QPushButton(DeskView)
        self.receiveButton.setObjectName(u"receiveButton")

        self.buttonLayout.addWidget(self.receiveButton)

        self.reviewButton = QPushButton(DeskView)
        self.reviewButton.setObjectName(u"reviewButton")

        self.buttonLayout.addWidget(self.reviewButton)

        self.identityButton = QPushButton(DeskView)
        self.identityButton.setObjectName(u"identityButton")

        self.buttonLayout.addWidget(self.identityButton)

        self.rosterButton = QPushButton(DeskView)
        self.rosterButton.setObjectName(u"rosterButton")

        self.buttonLayout.addWidget(self.rosterButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.workbookButton = QPushButton(DeskView)
        self.workbookButton.setObjectName(u"workbookButton")

        self.buttonLayout.addWidget(self.workbookButton)

        self.reportButton = QPushButton(DeskView)
        self.reportButton.setObjectName(u"reportButton")

        self.buttonLayout.addWidget(self.reportButton)


        self.mainLayout.addLayout(self.buttonLayout)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearCombo)
        self.standardLabel.setBuddy(self.standardCombo)
        self.regionLabel.setBuddy(self.regionCombo)
        self.levelLabel.setBuddy(self.levelCombo)
        self.reviewLabel.setBuddy(self.reviewCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearCombo, self.standardCombo)
        QWidget.setTabOrder(self.standardCombo, self.regionCombo)
        QWidget.setTabOrder(self.regionCombo, self.levelCombo)
        QWidget.setTabOrder(self.levelCombo, self.reviewCombo)
        QWidget.setTabOrder(self.reviewCombo, self.statusCombo)
        QWidget.setTabOrder(self.statusCombo, self.searchEdit)
        QWidget.setTabOrder(self.searchEdit, self.tabs)
        QWidget.setTabOrder(self.tabs, self.centerTable)
        QWidget.setTabOrder(self.centerTable, self.receiveButton)
        QWidget.setTabOrder(self.receiveButton, self.reviewButton)
        QWidget.setTabOrder(self.reviewButton, self.identityButton)
        QWidget.setTabOrder(self.identityButton, self.rosterButton)
        QWidget.setTabOrder(self.rosterButton, self.workbookButton)
        QWidget.setTabOrder(self.workbookButton, self.reportButton)

        self.retranslateUi(DeskView)

        QMetaObject.connectSlotsByName(DeskView)
    # setupUi

    def retranslateUi(self, DeskView):
        self.deskLabel.setText(QCoreApplication.translate("DeskView", u"\u4e0a\u7ea7\u5ba1\u6838\u53f0\u8d26", None))
        self.detailsLabel.setText("")
        self.yearLabel.setText(QCoreApplication.translate("DeskView", u"\u5e74\u5ea6(&Y)\uff1a", None))
        self.standardLabel.setText(QCoreApplication.translate("DeskView", u"\u8bc4\u5206\u6807\u51c6(&S)\uff1a", None))
        self.regionLabel.setText(QCoreApplication.translate("DeskView", u"\u5730\u533a(&R)\uff1a", None))
        self.levelLabel.setText(QCoreApplication.translate("DeskView", u"\u7ea7\u522b(&L)\uff1a", None))
        self.reviewLabel.setText(QCoreApplication.translate("DeskView", u"\u5ba1\u6838\u72b6\u6001(&T)\uff1a", None))
        self.statusLabel.setText(QCoreApplication.translate("DeskView", u"\u63a5\u6536\u72b6\u6001(&U)\uff1a", None))
        self.searchLabel.setText(QCoreApplication.translate("DeskView", u"\u67e5\u627e(&K)\uff1a", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("DeskView", u"\u4e2d\u5fc3\u540d\u79f0\u4e2d\u7684\u5b57", None))
        self.countLabel.setText("")
        self.missingLabel.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.tableTab), QCoreApplication.translate("DeskView", u"\u5404\u4e2d\u5fc3(&C)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.dashboardTab), QCoreApplication.translate("DeskView", u"\u7edf\u8ba1\u56fe\u8868(&D)", None))
        self.receiveButton.setText(QCoreApplication.translate("DeskView", u"\u63a5\u6536\u6750\u6599\u5305(&A)\u2026", None))
        self.reviewButton.setText(QCoreApplication.translate("DeskView", u"\u5ba1\u6838(&O)", None))
        self.identityButton.setText(QCoreApplication.translate("DeskView", u"\u6838\u5b9e\u8eab\u4efd(&I)\u2026", None))
        self.rosterButton.setText(QCoreApplication.translate("DeskView", u"\u5bfc\u5165\u540d\u518c(&M)\u2026", None))
        self.workbookButton.setText(QCoreApplication.translate("DeskView", u"\u5bfc\u51fa\u6c47\u603b\u8868(&X)\u2026", None))
        self.reportButton.setText(QCoreApplication.translate("DeskView", u"\u5bfc\u51fa\u6c47\u603b\u62a5\u544a(&P)\u2026", None))
        pass
    # retranslateUi

