// SPDX-License-Identifier: MIT
// Sextant: the environments file (AppDataLocation/environments.json): names and variables, never a secret value.
#include "environmentstore.h"

#include "templatesubstitution.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {
constexpr qint64 maxFileSize = 16 * 1024 * 1024;
}

const Environment *EnvironmentStore::State::find(const QString &id) const
{
    if (id.isEmpty())
        return nullptr;
    for (const Environment &environment : environments)
        if (environment.id == id)
            return &environment;
    return nullptr;
}

const Environment *EnvironmentStore::State::active() const
{
    return find(activeId);
}

EnvironmentStore::State EnvironmentStore::load(const QString &path, QString *error)
{
    if (error)
        error->clear();
    const auto fail = [&](const QString &message) {
        if (error)
            *error = path + u": "_s + message;
        return State();
    };
    QFile file(path);
    if (!file.exists())
        return State();
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read the environments file: "_s + file.errorString());
    if (file.size() > maxFileSize)
        return fail(u"the environments file is larger than 16 MB; ignored"_s);
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !json.isObject())
        return fail(u"not an environments file (invalid JSON)"_s);
    const QJsonObject root = json.object();
    if (root.value("version"_L1).toInt(0) > formatVersion)
        return fail(u"written by a newer Sextant (version %1); ignored"_s.arg(root.value("version"_L1).toInt()));

    State state;
    QSet<QString> ids;
    const QJsonArray environments = root.value("environments"_L1).toArray();
    for (const QJsonValue &value : environments) {
        const QJsonObject object = value.toObject();
        Environment environment;
        environment.id = object.value("id"_L1).toString();
        environment.name = object.value("name"_L1).toString().trimmed();
        if (environment.id.isEmpty())
            environment.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (environment.name.isEmpty() || ids.contains(environment.id))
            continue;
        ids.insert(environment.id);
        const QJsonArray variables = object.value("variables"_L1).toArray();
        for (const QJsonValue &variableValue : variables) {
            const QJsonObject variableObject = variableValue.toObject();
            EnvironmentVariable variable;
            variable.name = variableObject.value("name"_L1).toString();
            if (!isTemplateVariableName(variable.name))
                continue;
            variable.isSecret = variableObject.value("secret"_L1).toBool(false);
            if (!variable.isSecret)
                variable.value = variableObject.value("value"_L1).toString();
            environment.variables.append(variable);
        }
        state.environments.append(environment);
    }
    state.activeId = root.value("active"_L1).toString();
    if (!state.find(state.activeId))
        state.activeId.clear();
    return state;
}

QByteArray EnvironmentStore::serialize(const State &state)
{
    QJsonArray environments;
    for (const Environment &environment : state.environments) {
        QJsonArray variables;
        for (const EnvironmentVariable &variable : environment.variables) {
            QJsonObject object{{"name"_L1, variable.name}};
            if (variable.isSecret)
                object.insert("secret"_L1, true); // the marker: the value is in the keychain, never here
            else
                object.insert("value"_L1, variable.value);
            variables.append(object);
        }
        environments.append(
            QJsonObject{{"id"_L1, environment.id}, {"name"_L1, environment.name}, {"variables"_L1, variables}});
    }
    QJsonObject root{{"version"_L1, formatVersion}, {"environments"_L1, environments}};
    if (state.find(state.activeId))
        root.insert("active"_L1, state.activeId);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool EnvironmentStore::save(const QString &path, const State &state, QString *error)
{
    if (error)
        error->clear();
    const auto fail = [&](const QString &message) {
        if (error)
            *error = path + u": "_s + message;
        return false;
    };
    const QFileInfo info(path);
    if (info.isDir())
        return fail(u"is a directory"_s);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(u"cannot create the directory "_s + info.absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(u"cannot write the environments file: "_s + file.errorString());
    const QByteArray bytes = serialize(state);
    if (file.write(bytes) != bytes.size()) {
        file.cancelWriting();
        return fail(u"cannot write the environments file: "_s + file.errorString());
    }
    if (!file.commit())
        return fail(u"cannot save the environments file: "_s + file.errorString());
    return true;
}

QString EnvironmentStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/environments.json"_s;
}

} // namespace Sextant::Store
