// SPDX-License-Identifier: MIT
// Sextant: preferences round-trip through QSettings, the Preferences dialog writes them, the theme and the editor
// appearance follow.
#include <app/editor/graphqllexer.h>
#include <app/settings/appsettings.h>
#include <app/settings/editorappearance.h>
#include <app/settings/settingsdialog.h>
#include <app/settings/theme.h>
#include <core/language/syntaxclassifier.h>

#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontComboBox>
#include <QFontDatabase>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTest>

using namespace Sextant;
using App::AppSettings;

Q_DECLARE_METATYPE(Sextant::App::AppSettings::Theme)

class SettingsDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void defaultsWhenNothingIsStored();
    void roundTripThroughQSettings_data();
    void roundTripThroughQSettings();
    void badStoredValuesReadAsDefaults();
    void settersClamp();
    void changedReachesEveryInstanceOnce();
    void timeoutAppliesToHttpAndDagsterNeverToDagger();
    void dialogShowsTheCurrentValues();
    void okWritesTheControls();
    void cancelWritesNothing();
    void restoreDefaultsFillsTheControlsAndOkWritesThem();
    void themeAppliesPalette_data();
    void themeAppliesPalette();
    void editorAppearanceFollowsFontAndTheme();

private:
    QString monospacedFamilyOtherThan(const QString &family) const;

    QPalette m_startPalette;
    QString m_startStyle;
};

void SettingsDialogTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // A name of our own, so no run of this test ever reads or writes another program's settings.
    QCoreApplication::setOrganizationName(QStringLiteral("SextantSettingsDialogTest"));
    QCoreApplication::setApplicationName(QStringLiteral("settings-%1").arg(QCoreApplication::applicationPid()));
    m_startPalette = QApplication::palette();
    m_startStyle = QApplication::style()->name();
    QVERIFY(AppSettings().fileName().contains(QStringLiteral(".qttest")));
}

void SettingsDialogTest::init()
{
    QSettings().clear();
}

void SettingsDialogTest::cleanupTestCase()
{
    const QString file = AppSettings().fileName();
    QSettings().clear();
    QFile::remove(file);
    QDir().rmdir(QFileInfo(file).absolutePath()); // our organization's folder, if nothing else is in it
    App::applyTheme(AppSettings::Theme::System);
}

QString SettingsDialogTest::monospacedFamilyOtherThan(const QString &family) const
{
    QFontComboBox combo;
    combo.setFontFilters(QFontComboBox::MonospacedFonts);
    for (int i = 0; i < combo.count(); ++i) {
        if (combo.itemText(i) != family)
            return combo.itemText(i);
    }
    return {};
}

void SettingsDialogTest::defaultsWhenNothingIsStored()
{
    const AppSettings settings;
    const QFont font = settings.editorFont();
    QCOMPARE(font.family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
    QCOMPARE(font.pointSize(), 10);
    QCOMPARE(settings.theme(), AppSettings::Theme::System);
    QCOMPARE(settings.defaultTimeoutSeconds(), 60);
    QCOMPARE(settings.historySize(), 1000);
}

void SettingsDialogTest::roundTripThroughQSettings_data()
{
    QTest::addColumn<int>("pointSize");
    QTest::addColumn<AppSettings::Theme>("theme");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<int>("history");
    QTest::newRow("dark, no timeout") << 14 << AppSettings::Theme::Dark << 0 << 50;
    QTest::newRow("light, 5 s") << 8 << AppSettings::Theme::Light << 5 << 100000;
    QTest::newRow("system, 1 h") << 11 << AppSettings::Theme::System << 3600 << 1;
}

void SettingsDialogTest::roundTripThroughQSettings()
{
    QFETCH(int, pointSize);
    QFETCH(AppSettings::Theme, theme);
    QFETCH(int, timeout);
    QFETCH(int, history);
    const QString family = monospacedFamilyOtherThan(QString());
    QVERIFY2(!family.isEmpty(), "no monospaced font installed (fonts-dejavu-core)");
    QFont font(family);
    font.setPointSize(pointSize);
    {
        AppSettings writer;
        writer.setEditorFont(font);
        writer.setTheme(theme);
        writer.setDefaultTimeoutSeconds(timeout);
        writer.setHistorySize(history);
        writer.sync();
    }
    // A fresh QSettings object reads the file again: the values were really stored, under stable keys.
    const QSettings raw;
    QVERIFY(raw.contains(QStringLiteral("editor/font")));
    QCOMPARE(raw.value(QStringLiteral("network/defaultTimeoutSeconds")).toInt(), timeout);
    QCOMPARE(raw.value(QStringLiteral("history/size")).toInt(), history);
    const AppSettings reader;
    QCOMPARE(reader.editorFont().family(), family);
    QCOMPARE(reader.editorFont().pointSize(), pointSize);
    QCOMPARE(reader.theme(), theme);
    QCOMPARE(reader.defaultTimeoutSeconds(), timeout);
    QCOMPARE(reader.historySize(), history);
}

void SettingsDialogTest::badStoredValuesReadAsDefaults()
{
    {
        QSettings raw;
        raw.setValue(QStringLiteral("editor/font"), QStringLiteral("not a font description,,,"));
        raw.setValue(QStringLiteral("appearance/theme"), QStringLiteral("purple"));
        raw.setValue(QStringLiteral("network/defaultTimeoutSeconds"), QStringLiteral("soon"));
        raw.setValue(QStringLiteral("history/size"), -7);
    }
    const AppSettings settings;
    QCOMPARE(settings.theme(), AppSettings::Theme::System);
    QCOMPARE(settings.defaultTimeoutSeconds(), 60);
    QCOMPARE(settings.historySize(), AppSettings::MinHistorySize); // a number, clamped
    QVERIFY(!settings.editorFont().family().isEmpty());
}

void SettingsDialogTest::settersClamp()
{
    AppSettings settings;
    settings.setDefaultTimeoutSeconds(-5);
    QCOMPARE(settings.defaultTimeoutSeconds(), 0);
    settings.setDefaultTimeoutSeconds(10'000'000);
    QCOMPARE(settings.defaultTimeoutSeconds(), AppSettings::MaxTimeoutSeconds);
    settings.setHistorySize(0);
    QCOMPARE(settings.historySize(), 1);
    settings.setHistorySize(1'000'000);
    QCOMPARE(settings.historySize(), AppSettings::MaxHistorySize);
}

void SettingsDialogTest::changedReachesEveryInstanceOnce()
{
    AppSettings window;
    AppSettings dialog;
    QSignalSpy windowChanged(&window, &AppSettings::changed);
    QSignalSpy dialogChanged(&dialog, &AppSettings::changed);

    dialog.setTheme(AppSettings::Theme::Dark);
    QCOMPARE(windowChanged.count(), 1);
    QCOMPARE(dialogChanged.count(), 1);
    QCOMPARE(window.theme(), AppSettings::Theme::Dark); // the other object reads the new value at once

    dialog.setTheme(AppSettings::Theme::Dark); // no change, no signal
    dialog.setHistorySize(AppSettings::defaultHistorySize());
    QCOMPARE(windowChanged.count(), 1);

    window.restoreDefaults();
    QCOMPARE(windowChanged.count(), 2);
    QCOMPARE(dialogChanged.count(), 2);
    QCOMPARE(dialog.theme(), AppSettings::Theme::System);
    window.restoreDefaults(); // already default
    QCOMPARE(windowChanged.count(), 2);
}

void SettingsDialogTest::timeoutAppliesToHttpAndDagsterNeverToDagger()
{
    AppSettings settings;
    QCOMPARE(settings.timeoutMsFor(Net::EndpointKind::GenericHttp), 60000);
    QCOMPARE(settings.timeoutMsFor(Net::EndpointKind::Dagster), 60000);
    QCOMPARE(settings.timeoutMsFor(Net::EndpointKind::DaggerSession), 0);
    settings.setDefaultTimeoutSeconds(7);
    QCOMPARE(settings.withTimeout(Net::EndpointProfile::dagster()).timeoutMs, 7000);
    QCOMPARE(settings.withTimeout(Net::EndpointProfile::daggerSession(4321, QStringLiteral("t"))).timeoutMs, 0);
    Net::EndpointProfile http;
    http.timeoutMs = 1;
    QCOMPARE(settings.withTimeout(http).timeoutMs, 7000);
    settings.setDefaultTimeoutSeconds(0);
    QCOMPARE(settings.withTimeout(http).timeoutMs, 0);
}

void SettingsDialogTest::dialogShowsTheCurrentValues()
{
    AppSettings settings;
    const QString family = monospacedFamilyOtherThan(QString());
    QFont font(family);
    font.setPointSize(13);
    settings.setEditorFont(font);
    settings.setTheme(AppSettings::Theme::Light);
    settings.setDefaultTimeoutSeconds(0);
    settings.setHistorySize(250);

    App::SettingsDialog dialog(&settings);
    QCOMPARE(dialog.editorFont().family(), family);
    QCOMPARE(dialog.editorFont().pointSize(), 13);
    QCOMPARE(dialog.theme(), AppSettings::Theme::Light);
    QCOMPARE(dialog.defaultTimeoutSeconds(), 0);
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("timeoutSpin"))->text(), QStringLiteral("None"));
    QCOMPARE(dialog.historySize(), 250);
    // Only monospaced families are offered.
    QVERIFY(dialog.findChild<QFontComboBox *>(QStringLiteral("fontCombo"))->fontFilters()
            & QFontComboBox::MonospacedFonts);
}

void SettingsDialogTest::okWritesTheControls()
{
    AppSettings settings;
    QSignalSpy changed(&settings, &AppSettings::changed);
    App::SettingsDialog dialog(&settings);
    const QString family = monospacedFamilyOtherThan(settings.editorFont().family());
    QVERIFY(!family.isEmpty());
    auto *fontCombo = dialog.findChild<QFontComboBox *>(QStringLiteral("fontCombo"));
    fontCombo->setCurrentIndex(fontCombo->findText(family));
    dialog.findChild<QSpinBox *>(QStringLiteral("fontSizeSpin"))->setValue(16);
    auto *themeCombo = dialog.findChild<QComboBox *>(QStringLiteral("themeCombo"));
    themeCombo->setCurrentIndex(themeCombo->findText(QStringLiteral("Dark")));
    dialog.findChild<QSpinBox *>(QStringLiteral("timeoutSpin"))->setValue(30);
    dialog.findChild<QSpinBox *>(QStringLiteral("historySpin"))->setValue(42);
    QCOMPARE(changed.count(), 0); // nothing is written before OK

    dialog.show();
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(changed.count() >= 1);
    settings.sync();
    const AppSettings reread;
    QCOMPARE(reread.editorFont().family(), family);
    QCOMPARE(reread.editorFont().pointSize(), 16);
    QCOMPARE(reread.theme(), AppSettings::Theme::Dark);
    QCOMPARE(reread.defaultTimeoutSeconds(), 30);
    QCOMPARE(reread.historySize(), 42);
}

void SettingsDialogTest::cancelWritesNothing()
{
    AppSettings settings;
    QSignalSpy changed(&settings, &AppSettings::changed);
    App::SettingsDialog dialog(&settings);
    dialog.findChild<QSpinBox *>(QStringLiteral("historySpin"))->setValue(7);
    dialog.show();
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(settings.historySize(), 1000);
    QVERIFY(!QSettings().contains(QStringLiteral("history/size")));
}

void SettingsDialogTest::restoreDefaultsFillsTheControlsAndOkWritesThem()
{
    AppSettings settings;
    QFont font(monospacedFamilyOtherThan(AppSettings::defaultEditorFont().family()));
    font.setPointSize(20);
    settings.setEditorFont(font);
    settings.setTheme(AppSettings::Theme::Dark);
    settings.setDefaultTimeoutSeconds(5);
    settings.setHistorySize(3);

    App::SettingsDialog dialog(&settings);
    dialog.show();
    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::RestoreDefaults),
                      Qt::LeftButton);
    QCOMPARE(dialog.editorFont().family(), AppSettings::defaultEditorFont().family());
    QCOMPARE(dialog.editorFont().pointSize(), 10);
    QCOMPARE(dialog.theme(), AppSettings::Theme::System);
    QCOMPARE(dialog.defaultTimeoutSeconds(), 60);
    QCOMPARE(dialog.historySize(), 1000);
    QVERIFY(dialog.isVisible());         // Restore Defaults does not close the dialog...
    QCOMPARE(settings.historySize(), 3); // ...nor write

    QTest::mouseClick(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(settings.editorFont().family(), AppSettings::defaultEditorFont().family());
    QCOMPARE(settings.editorFont().pointSize(), 10);
    QCOMPARE(settings.theme(), AppSettings::Theme::System);
    QCOMPARE(settings.defaultTimeoutSeconds(), 60);
    QCOMPARE(settings.historySize(), 1000);
}

void SettingsDialogTest::themeAppliesPalette_data()
{
    QTest::addColumn<AppSettings::Theme>("theme");
    QTest::addColumn<bool>("dark");
    QTest::newRow("dark") << AppSettings::Theme::Dark << true;
    QTest::newRow("light") << AppSettings::Theme::Light << false;
    QTest::newRow("dark again") << AppSettings::Theme::Dark << true;
}

void SettingsDialogTest::themeAppliesPalette()
{
    QFETCH(AppSettings::Theme, theme);
    QFETCH(bool, dark);
    QWidget widget;
    widget.show();
    App::applyTheme(theme);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QCOMPARE(QApplication::palette().color(QPalette::Window), App::themePalette(theme).color(QPalette::Window));
    QCOMPARE(App::isDarkPalette(QApplication::palette()), dark);
    QTRY_COMPARE_WITH_TIMEOUT(App::isDarkPalette(widget.palette()), dark, 5000); // widgets follow
    QVERIFY(App::themePalette(AppSettings::Theme::Dark).color(QPalette::Base).lightness() < 64);

    // System goes back to what the application started with.
    App::applyTheme(AppSettings::Theme::System);
    QCOMPARE(QApplication::style()->name(), m_startStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Window), m_startPalette.color(QPalette::Window));
    QCOMPARE(QApplication::palette().color(QPalette::Text), m_startPalette.color(QPalette::Text));
}

void SettingsDialogTest::editorAppearanceFollowsFontAndTheme()
{
    using Core::SyntaxRole;
    const QString family = monospacedFamilyOtherThan(QString());
    QFont font(family);
    font.setPointSize(15);
    // Scintilla stores colours as 0xBBGGRR.
    const auto background = [](QsciScintilla &editor, int style) {
        const long bgr = editor.SendScintilla(QsciScintilla::SCI_STYLEGETBACK, static_cast<unsigned long>(style));
        return QColor(int(bgr & 0xff), int((bgr >> 8) & 0xff), int((bgr >> 16) & 0xff));
    };

    QsciScintilla query;
    auto *lexer = new App::GraphQLLexer(&query);
    query.setLexer(lexer);
    const QColor lightField = lexer->color(int(SyntaxRole::FieldName));
    App::applyEditorAppearance(&query, font, true);
    QVERIFY(lexer->isDarkTheme());
    QVERIFY(lexer->paper(int(SyntaxRole::Whitespace)).lightness() < 64);
    QVERIFY(background(query, int(SyntaxRole::FieldName)).lightness() < 64); // the editor itself repainted
    QVERIFY(lexer->color(int(SyntaxRole::FieldName)) != lightField);
    QVERIFY(lexer->color(int(SyntaxRole::FieldName)).lightness() > 128);
    QCOMPARE(lexer->font(int(SyntaxRole::FieldName)).family(), family);
    QCOMPARE(lexer->font(int(SyntaxRole::FieldName)).pointSize(), 15);
    QVERIFY(lexer->font(int(SyntaxRole::Keyword)).bold()); // each style keeps its weight and slant
    QVERIFY(lexer->font(int(SyntaxRole::Comment)).italic());
    App::applyEditorAppearance(&query, font, false);
    QVERIFY(!lexer->isDarkTheme());
    QCOMPARE(lexer->paper(int(SyntaxRole::Whitespace)), QColor(Qt::white));
    QCOMPARE(background(query, int(SyntaxRole::FieldName)), QColor(Qt::white));
    QCOMPARE(lexer->color(int(SyntaxRole::FieldName)), lightField);

    QsciScintilla variables;
    auto *json = new QsciLexerJSON(&variables);
    variables.setLexer(json);
    const QColor lightProperty = json->color(QsciLexerJSON::Property);
    App::applyEditorAppearance(&variables, font, true);
    QVERIFY(json->paper(QsciLexerJSON::Property).lightness() < 64);
    QVERIFY(json->color(QsciLexerJSON::Property).lightness() > 128);
    QCOMPARE(json->font(QsciLexerJSON::Property).pointSize(), 15);
    App::applyEditorAppearance(&variables, font, false);
    QCOMPARE(json->color(QsciLexerJSON::Property), lightProperty);

    QsciScintilla plain;
    App::applyEditorAppearance(&plain, font, true);
    QVERIFY(plain.paper().lightness() < 64);
    QCOMPARE(plain.font().pointSize(), 15);
    App::applyEditorAppearance(nullptr, font, true); // ignored
}

QTEST_MAIN(SettingsDialogTest)
#include "settingsdialog_test.moc"
