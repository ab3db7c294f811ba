// SPDX-License-Identifier: MIT
// Sextant: the Export as Code dialog: languages offered, the snippet shown, Copy, the remembered language.
#include <app/codeexport/codeexportdialog.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sextant;

class CodeExportDialogTest final : public QObject
{
    Q_OBJECT

private slots:
    void showsSnippetAndCopies();
    void remembersLanguage();
    void daggerOffersNoDagsterClient();
};

namespace {
Net::GraphQLRequest request()
{
    Net::GraphQLRequest request;
    request.query = u"query Q { version }"_s;
    request.operationName = u"Q"_s;
    return request;
}
} // namespace

void CodeExportDialogTest::showsSnippetAndCopies()
{
    QTemporaryDir dir;
    Net::EndpointProfile profile = Net::EndpointProfile::dagster();
    profile.headers = {{"Authorization", "Bearer SECRET-value"}};
    App::CodeExportDialog dialog(profile, request(), nullptr, dir.filePath(u"settings.ini"_s));
    auto *combo = dialog.findChild<QComboBox *>(u"languageCombo"_s);
    auto *view = dialog.findChild<QPlainTextEdit *>(u"snippetView"_s);
    auto *copy = dialog.findChild<QPushButton *>(u"copyButton"_s);
    auto *note = dialog.findChild<QLabel *>(u"secretsNote"_s);
    QVERIFY(combo && view && copy && note);
    QCOMPARE(combo->count(), 6); // Dagster: the DagsterGraphQLClient variant too
    QCOMPARE(dialog.language(), Net::CodeLanguage::Curl);
    QVERIFY(view->isReadOnly());
    QCOMPARE(view->toPlainText(), Net::CodeExport::generate(Net::CodeLanguage::Curl, profile, request()));
    QVERIFY(!view->toPlainText().contains(u"SECRET"_s));
    QVERIFY2(note->text().contains(u"SEXTANT_AUTHORIZATION"_s), qPrintable(note->text()));

    combo->setCurrentIndex(combo->findData(int(Net::CodeLanguage::PythonDagsterClient)));
    QCOMPARE(dialog.language(), Net::CodeLanguage::PythonDagsterClient);
    QVERIFY(view->toPlainText().contains(u"DagsterGraphQLClient("_s));

    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), view->toPlainText());
}

void CodeExportDialogTest::remembersLanguage()
{
    QTemporaryDir dir;
    const QString settings = dir.filePath(u"settings.ini"_s);
    {
        App::CodeExportDialog dialog(Net::EndpointProfile::dagster(), request(), nullptr, settings);
        dialog.setLanguage(Net::CodeLanguage::JavaScriptFetch);
        QCOMPARE(dialog.language(), Net::CodeLanguage::JavaScriptFetch);
    }
    App::CodeExportDialog again(Net::EndpointProfile::dagster(), request(), nullptr, settings);
    QCOMPARE(again.language(), Net::CodeLanguage::JavaScriptFetch);
    QVERIFY(again.snippet().contains(u"fetch(url"_s));
}

void CodeExportDialogTest::daggerOffersNoDagsterClient()
{
    QTemporaryDir dir;
    const QString settings = dir.filePath(u"settings.ini"_s);
    {
        App::CodeExportDialog dialog(Net::EndpointProfile::dagster(), request(), nullptr, settings);
        dialog.setLanguage(Net::CodeLanguage::PythonDagsterClient);
    }
    const Net::EndpointProfile session = Net::EndpointProfile::daggerSession(4321, u"tok-SECRET"_s);
    App::CodeExportDialog dialog(session, request(), nullptr, settings);
    QCOMPARE(dialog.findChild<QComboBox *>(u"languageCombo"_s)->count(), 5);
    QCOMPARE(dialog.language(), Net::CodeLanguage::Curl); // the remembered Dagster client is not offered here
    dialog.setLanguage(Net::CodeLanguage::PythonDagsterClient);
    QCOMPARE(dialog.language(), Net::CodeLanguage::Curl);
    QVERIFY(dialog.snippet().contains(u"-u \"$DAGGER_SESSION_TOKEN:\""_s));
    QVERIFY(!dialog.snippet().contains(u"tok-SECRET"_s));
    QVERIFY(dialog.findChild<QLabel *>(u"secretsNote"_s)->text().contains(u"DAGGER_SESSION_TOKEN"_s));
}

QTEST_MAIN(CodeExportDialogTest)
#include "codeexportdialog_test.moc"
