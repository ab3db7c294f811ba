// SPDX-License-Identifier: MIT
// Sextant: the environments file (AppDataLocation/environments.json): names and variables, never a secret value.
#include "environmentstore.h"
#include "jsonfile.h"

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
    const std::optional<QJsonObject> read =
        JsonFile::readObject(path, u"environments file"_s, maxFileSize, formatVersion, error);
    if (!read)
        return State();
    const QJsonObject &root = *read;

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
    return JsonFile::writeAtomically(path, u"environments file"_s, serialize(state), error);
}

QString EnvironmentStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/environments.json"_s;
}

} // namespace Sextant::Store
