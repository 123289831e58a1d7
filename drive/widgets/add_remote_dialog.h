#pragma once

#include <QDialog>
#include <QMap>

class QLineEdit;
class QComboBox;
class QTableWidget;

namespace quire::drive {

// Add remote…: a name, an rclone backend type and its parameters as key/value rows. The same
// form serves WebDAV, S3, SFTP and every other backend; rclone's state machine asks the rest.
class AddRemoteDialog : public QDialog {
    Q_OBJECT
public:
    explicit AddRemoteDialog(QWidget* parent = nullptr);

    QString remoteName() const;
    QString type() const;
    QMap<QString, QString> parameters() const;

private:
    void fillDefaults();
    QLineEdit* m_name;
    QComboBox* m_type;
    QTableWidget* m_params;
};

} // namespace quire::drive
