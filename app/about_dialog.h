#pragma once

#include <QDialog>

class QLabel;

namespace quire::app {

class VersionReport;

// Help → About Quire: what Quire is and the versions it runs with; rclone's fills in when
// `rclone version` answers.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    QString versionsText() const; // what the versions label shows (plain text)

private:
    void showVersions();
    VersionReport* m_report;
    QLabel* m_versions;
};

} // namespace quire::app
