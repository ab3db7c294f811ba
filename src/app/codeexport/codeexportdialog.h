// SPDX-License-Identifier: MIT
// Sextant: the "Export as Code" dialog: the current request as curl, Python, JavaScript, Rust or PHP, ready to copy.
#pragma once

#include <net/codeexport.h>
#include <net/endpointprofile.h>
#include <net/graphqlrequest.h>

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSettings;

namespace Sextant::App {

/**
 * Shows Net::CodeExport::generate() for one endpoint and request: a language combo (the languages
 * Net::CodeExport::languagesFor(endpoint.kind) offers), a read-only monospace view and Copy (to the clipboard).
 * The snippet holds no secret (Net::CodeExport's rule); a note under the view names the environment variables it
 * reads. The last language chosen is remembered under the QSettings key "CodeExport/language" (the application's
 * settings, or the INI file @p settingsFile for tests); a remembered language the endpoint does not offer (the
 * Dagster client for a Dagger session) falls back to curl.
 *
 * Pass the prepared endpoint and request (environment {{references}} already substituted, as Run sends them).
 * GUI thread only. Generating is pure and fast; nothing is sent.
 */
class CodeExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeExportDialog)

public:
    CodeExportDialog(const Net::EndpointProfile &endpoint, const Net::GraphQLRequest &request,
                     QWidget *parent = nullptr, const QString &settingsFile = QString());
    ~CodeExportDialog() override;

    Net::CodeLanguage language() const;
    /// Selects @p language if the endpoint offers it (else nothing changes), regenerates and remembers it.
    void setLanguage(Net::CodeLanguage language);
    /// The text shown (what Copy puts on the clipboard).
    QString snippet() const;

public slots:
    void copyToClipboard();

private:
    void regenerate();

    Net::EndpointProfile m_endpoint;
    Net::GraphQLRequest m_request;
    std::unique_ptr<QSettings> m_settings;
    QComboBox *m_languages = nullptr;
    QPlainTextEdit *m_view = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace Sextant::App
