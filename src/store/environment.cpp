// SPDX-License-Identifier: MIT
// Sextant: a named set of variables ({{baseUrl}}, {{token}}) substituted into a request's URL, headers and variables.
#include "environment.h"

#include <QUuid>

namespace Sextant::Store {

QHash<QString, QString> Environment::values() const
{
    QHash<QString, QString> map;
    for (const EnvironmentVariable &variable : variables)
        map.insert(variable.name, variable.value);
    return map;
}

const EnvironmentVariable *Environment::variable(QStringView name) const
{
    for (const EnvironmentVariable &variable : variables)
        if (variable.name == name)
            return &variable;
    return nullptr;
}

QString Environment::secretKey(const QString &variableName) const
{
    return QStringLiteral("environment/") + id + u'/' + variableName;
}

Environment Environment::create(const QString &name)
{
    Environment environment;
    environment.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    environment.name = name;
    return environment;
}

} // namespace Sextant::Store
