// SPDX-License-Identifier: MIT
// Sextant: the endpoint bar's environment combo, the environment editor and the controller that stores both.
#include <app/endpoints/endpointbar.h>
#include <app/environments/environmentcontroller.h>
#include <app/environments/environmentdialog.h>
#include <app/environments/secretvaluedelegate.h>
#include <store/environmentstore.h>
#include <store/secretstore.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;

class EnvironmentsTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void barComboEmits();
    void controllerReadsSecretsAndActivates();
    void manageOpensEditorAndApplies();
    void editorValidates();
    void editorMasksSecrets();
    void deletingRemovesSecrets();

private:
    QString writeFile(const Store::EnvironmentStore::State &state);
    static QString readSecret(Store::SecretStore &store, const QString &key, bool *found);

    QTemporaryDir m_dir;
    int m_files = 0;
};

namespace {
const QString SecretValue = u"hunter2-\u00e9-8d3e"_s; // never printed
const QString NewSecret = u"n3w-t0ken-55aa"_s;

QComboBox *environmentCombo(App::EndpointBar &bar)
{
    return bar.findChild<QComboBox *>(u"environmentCombo"_s);
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

void EnvironmentsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

QString EnvironmentsTest::writeFile(const Store::EnvironmentStore::State &state)
{
    const QString path = m_dir.filePath(u"environments-%1.json"_s.arg(++m_files));
    QString error;
    if (!Store::EnvironmentStore::save(path, state, &error))
        qWarning("%s", qPrintable(error));
    return path;
}

QString EnvironmentsTest::readSecret(Store::SecretStore &store, const QString &key, bool *found)
{
    bool done = false;
    QString value;
    store.readSecret(key, nullptr, [&](const Store::SecretStore::ReadResult &result) {
        *found = result.found;
        value = result.value;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        *found = false;
    return value;
}

void EnvironmentsTest::barComboEmits()
{
    App::EndpointBar bar;
    bar.setEnvironments({{u"a"_s, u"Local"_s}, {u"b"_s, u"Staging"_s}}, u"b"_s);
    QComboBox *combo = environmentCombo(bar);
    QVERIFY(combo);
    QCOMPARE(bar.currentEnvironmentId(), u"b"_s);
    QCOMPARE(bar.currentEnvironmentName(), u"Staging"_s);
    QCOMPARE(combo->itemText(0), u"No environment"_s);
    QCOMPARE(combo->itemText(combo->count() - 1), u"Manage environments…"_s);

    QSignalSpy picked(&bar, &App::EndpointBar::environmentPicked);
    QSignalSpy manage(&bar, &App::EndpointBar::manageEnvironmentsRequested);
    bar.setCurrentEnvironment(u"a"_s); // programmatic: no signal
    QCOMPARE(picked.size(), 0);

    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down); // Local → Staging
    QCOMPARE(picked.size(), 1);
    QCOMPARE(picked.last().first().toString(), u"b"_s);
    QTest::keyClick(combo, Qt::Key_Home); // → No environment
    QCOMPARE(picked.size(), 2);
    QCOMPARE(picked.last().first().toString(), QString());
    QCOMPARE(bar.currentEnvironmentId(), QString());

    QTest::keyClick(combo, Qt::Key_End); // "Manage environments…": an action, the selection stays
    QCOMPARE(manage.size(), 1);
    QCOMPARE(picked.size(), 2);
    QCOMPARE(combo->currentIndex(), 0);
    QCOMPARE(bar.currentEnvironmentId(), QString());

    bar.setEnvironments({}, u"gone"_s);
    QCOMPARE(bar.currentEnvironmentId(), QString());
    QCOMPARE(combo->count(), 3); // none, separator, manage
}

void EnvironmentsTest::controllerReadsSecretsAndActivates()
{
    Store::Environment local = Store::Environment::create(u"Local"_s);
    local.variables = {{u"baseUrl"_s, u"http://127.0.0.1:3000"_s, false}, {u"token"_s, QString(), true}};
    Store::Environment staging = Store::Environment::create(u"Staging"_s);
    staging.variables = {{u"baseUrl"_s, u"https://staging.example"_s, false}};
    Store::EnvironmentStore::State state;
    state.environments = {local, staging};
    state.activeId = local.id;
    const QString path = writeFile(state);

    Store::SecretStore secrets(u"dev.sextant.Sextant.test"_s, 20000);
    secrets.useSessionOnly(u"test"_s);
    secrets.writeSecret(local.secretKey(u"token"_s), SecretValue);

    App::EndpointBar bar;
    App::EnvironmentController controller(&secrets, &bar, nullptr);
    QSignalSpy read(&controller, &App::EnvironmentController::secretsRead);
    QSignalSpy changed(&controller, &App::EnvironmentController::activeEnvironmentChanged);
    controller.load(path);
    QCOMPARE(bar.currentEnvironmentName(), u"Local"_s);
    QVERIFY(controller.isReadingSecrets());
    std::optional<App::RequestEnvironment> active = controller.activeEnvironment();
    QVERIFY(active);
    QCOMPARE(active->unreadSecrets, QStringList{u"token"_s}); // Run refuses until the keychain answers
    QVERIFY(read.wait(5000));
    active = controller.activeEnvironment();
    QVERIFY(active->unreadSecrets.isEmpty());
    QVERIFY2(active->values.value(u"token"_s) == SecretValue, "the secret was not read back");
    QCOMPARE(active->values.value(u"baseUrl"_s), u"http://127.0.0.1:3000"_s);

    // Picking in the bar activates and saves the choice; the secret never reaches the file.
    changed.clear();
    QComboBox *combo = environmentCombo(bar);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.last().first().toString(), staging.id);
    QCOMPARE(controller.activeEnvironment()->name, u"Staging"_s);
    QCOMPARE(Store::EnvironmentStore::load(path, nullptr).activeId, staging.id);
    QVERIFY(!fileBytes(path).contains(SecretValue.toUtf8()));

    QTest::keyClick(combo, Qt::Key_Home);
    QVERIFY(!controller.activeEnvironment());
}

void EnvironmentsTest::manageOpensEditorAndApplies()
{
    const QString path = writeFile({});
    Store::SecretStore secrets(u"dev.sextant.Sextant.test"_s, 20000);
    secrets.useSessionOnly(u"test"_s);
    QWidget window;
    App::EndpointBar *bar = new App::EndpointBar(&window);
    App::EnvironmentController controller(&secrets, bar, &window);
    controller.load(path);

    QComboBox *combo = environmentCombo(*bar);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_End); // "Manage environments…"
    App::EnvironmentDialog *dialog = window.findChild<App::EnvironmentDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), 5000);
    QVERIFY(dialog->findChild<QLabel *>(u"noticeLabel"_s)->text().contains(u"for this session only"_s));
    QCOMPARE(controller.openManager(), dialog); // one editor at a time

    dialog->addEnvironment();
    dialog->renameEnvironment(u"Prod"_s);
    dialog->addVariable(u"baseUrl"_s, u"https://prod.example"_s);
    dialog->addVariable(u"token"_s, NewSecret, true);
    QVERIFY2(dialog->validationMessage().isEmpty(), qPrintable(dialog->validationMessage()));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();

    QCOMPARE(controller.state().environments.size(), 1);
    const Store::Environment prod = controller.state().environments.first();
    QCOMPARE(prod.name, u"Prod"_s);
    QCOMPARE(combo->itemText(1), u"Prod"_s);
    const QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.contains("https://prod.example"));
    QVERIFY2(!bytes.contains(NewSecret.toUtf8()), "a secret value reached the environments file");
    bool found = false;
    QTRY_VERIFY_WITH_TIMEOUT(!secrets.isBusy(), 5000);
    QVERIFY2(readSecret(secrets, prod.secretKey(u"token"_s), &found) == NewSecret && found,
             "the secret was not stored through SecretStore");
}

void EnvironmentsTest::editorValidates()
{
    Store::EnvironmentStore::State state;
    state.environments = {Store::Environment::create(u"A"_s), Store::Environment::create(u"B"_s)};
    App::EnvironmentDialog dialog(state);
    dialog.open();
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog.selectEnvironment(0);
    dialog.addVariable(u"x"_s, u"1"_s);
    dialog.addVariable(u"x"_s, u"2"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.validationMessage().contains(u"two variables called x"_s), qPrintable(dialog.validationMessage()));
    dialog.removeVariable(1);
    QVERIFY(ok->isEnabled());
    dialog.addVariable(u"a b"_s);
    QVERIFY(dialog.validationMessage().contains(u"is not a variable name"_s));
    dialog.removeVariable(1);
    dialog.renameEnvironment(u"B"_s);
    QVERIFY(dialog.validationMessage().contains(u"Two environments are called"_s));
    dialog.renameEnvironment(u"A2"_s);
    QVERIFY(ok->isEnabled());

    dialog.duplicateEnvironment();
    QCOMPARE(dialog.environmentList()->count(), 3);
    QCOMPARE(dialog.environmentList()->item(1)->text(), u"A2 copy"_s);
    QCOMPARE(dialog.state().environments[1].variables, dialog.state().environments[0].variables);
    QVERIFY(dialog.state().environments[1].id != dialog.state().environments[0].id);
    dialog.deleteEnvironment();
    QCOMPARE(dialog.environmentList()->count(), 2);
    QCOMPARE(dialog.state().environments[0].name, u"A2"_s);
    QCOMPARE(dialog.state().environments[0].variables.size(), 1);
}

void EnvironmentsTest::editorMasksSecrets()
{
    Store::Environment environment = Store::Environment::create(u"A"_s);
    environment.variables = {{u"token"_s, SecretValue, true}, {u"plain"_s, u"p"_s, false}};
    Store::EnvironmentStore::State state;
    state.environments = {environment};
    App::EnvironmentDialog dialog(state);
    dialog.open();
    QTableWidget *table = dialog.variableTable();
    QCOMPARE(table->rowCount(), 2);
    auto *delegate = qobject_cast<App::SecretValueDelegate *>(table->itemDelegateForColumn(1));
    QVERIFY(delegate);
    const QModelIndex secret = table->model()->index(0, 1);
    const QModelIndex plain = table->model()->index(1, 1);
    QCOMPARE(delegate->shownText(secret), QString(8, QChar(0x2022)));
    QCOMPARE(delegate->shownText(plain), u"p"_s);
    for (const auto &[index, mode] : {std::pair{secret, QLineEdit::Password}, std::pair{plain, QLineEdit::Normal}}) {
        std::unique_ptr<QWidget> editor(delegate->createEditor(table->viewport(), QStyleOptionViewItem(), index));
        auto *line = qobject_cast<QLineEdit *>(editor.get());
        QVERIFY(line);
        QCOMPARE(line->echoMode(), mode);
    }
    // The real editing path uses the same delegate: the open editor is a password field.
    table->editItem(table->item(0, 1));
    QTRY_VERIFY_WITH_TIMEOUT(table->viewport()->findChild<QLineEdit *>(), 5000);
    QCOMPARE(table->viewport()->findChild<QLineEdit *>()->echoMode(), QLineEdit::Password);

    // Unchecking Secret makes the value plain (on OK the controller removes it from the keychain).
    table->item(0, 2)->setCheckState(Qt::Unchecked);
    QVERIFY(!dialog.state().environments[0].variables[0].isSecret);
}

void EnvironmentsTest::deletingRemovesSecrets()
{
    Store::Environment a = Store::Environment::create(u"A"_s);
    a.variables = {{u"token"_s, QString(), true}, {u"password"_s, QString(), true}};
    Store::EnvironmentStore::State state;
    state.environments = {a};
    const QString path = writeFile(state);
    Store::SecretStore secrets(u"dev.sextant.Sextant.test"_s, 20000);
    secrets.useSessionOnly(u"test"_s);
    secrets.writeSecret(a.secretKey(u"token"_s), SecretValue);
    secrets.writeSecret(a.secretKey(u"password"_s), SecretValue);
    App::EnvironmentController controller(&secrets, nullptr, nullptr);
    QSignalSpy read(&controller, &App::EnvironmentController::secretsRead);
    controller.load(path);
    QVERIFY(read.wait(5000));

    // "password" stops being secret; then the whole environment goes.
    Store::EnvironmentStore::State edited = controller.state();
    edited.environments[0].variables[1].isSecret = false;
    controller.apply(edited);
    QTRY_VERIFY_WITH_TIMEOUT(!secrets.isBusy(), 5000);
    bool found = true;
    readSecret(secrets, a.secretKey(u"password"_s), &found);
    QVERIFY(!found);
    readSecret(secrets, a.secretKey(u"token"_s), &found);
    QVERIFY(found);
    QVERIFY(fileBytes(path).contains(SecretValue.toUtf8())); // now a plain variable, as the user chose

    controller.apply({});
    QTRY_VERIFY_WITH_TIMEOUT(!secrets.isBusy(), 5000);
    readSecret(secrets, a.secretKey(u"token"_s), &found);
    QVERIFY(!found);
    QVERIFY(!fileBytes(path).contains(SecretValue.toUtf8()));
}

QTEST_MAIN(EnvironmentsTest)
#include "environments_test.moc"
