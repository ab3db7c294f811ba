// SPDX-License-Identifier: MIT
// Sextant: the environments file (AppDataLocation/environments.json): names and variables, never a secret value.
#pragma once

#include "environment.h"

namespace Sextant::Store {

/**
 * Reads and writes the environments file:
 * {"version":1,"active":"<id>","environments":[{"id","name","variables":[{"name","value"} | {"name","secret":true}]}]}.
 * A secret variable is written as its name and the marker "secret": true, never with its value (that is in the
 * keychain under Environment::secretKey); on load its value is empty until SecretStore reads it.
 *
 * Stateless static functions; any thread (the file is small: the GUI thread is fine), one writer per path at a time.
 * Writes go through QSaveFile, so a crash leaves the previous file intact.
 *
 * Bad input: a missing file loads as no environments with no error; an unreadable, non-JSON or newer-version file
 * loads as no environments with a one-line error naming the path; entries without an id get a fresh one, entries
 * with an empty name or duplicate id are dropped, variables with an invalid name are dropped.
 */
class EnvironmentStore final
{
public:
    struct State
    {
        QList<Environment> environments;
        QString activeId; ///< empty = no environment

        bool operator==(const State &) const = default;
        const Environment *active() const;
        const Environment *find(const QString &id) const;
    };

    static constexpr int formatVersion = 1;

    static State load(const QString &path, QString *error);
    static bool save(const QString &path, const State &state, QString *error);
    /// The file's bytes for @p state (what save() writes); secret values are not in them.
    static QByteArray serialize(const State &state);
    /// QStandardPaths::AppDataLocation + "/environments.json".
    static QString defaultPath();

    EnvironmentStore() = delete;
};

} // namespace Sextant::Store
