// SPDX-License-Identifier: MIT
// Sextant: a named set of variables ({{baseUrl}}, {{token}}) substituted into a request's URL, headers and variables.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace Sextant::Store {

/// One variable of an environment. A secret's value lives in the keychain (SecretStore) and only in memory here.
struct EnvironmentVariable final
{
    QString name;  ///< referenced as {{name}} (isTemplateVariableName)
    QString value; ///< for a secret: the value read from the keychain, or empty until it is read
    bool isSecret = false;

    bool operator==(const EnvironmentVariable &) const = default;
};

/**
 * A named environment ("Local", "Staging"): an ordered list of variables. Plain data, any thread.
 * @c id is stable (a UUID made once) so that keychain keys survive renaming the environment.
 */
struct Environment final
{
    QString id;
    QString name;
    QList<EnvironmentVariable> variables;

    bool operator==(const Environment &) const = default;

    /// name → value for substitution; a later duplicate name wins (the editor refuses duplicates).
    QHash<QString, QString> values() const;
    /// The variable named @p name, or nullptr.
    const EnvironmentVariable *variable(QStringView name) const;
    /// The keychain key of a secret variable: "environment/<id>/<name>".
    QString secretKey(const QString &variableName) const;
    /// A new, empty environment with a fresh id.
    static Environment create(const QString &name);
};

} // namespace Sextant::Store
