// SPDX-License-Identifier: MIT
// Sextant: a Dagster job's run config schema (runConfigSchemaOrError) as a type table, and run config validation.
#pragma once

#include "net/dagsterjobs.h"
#include "net/dagsterresponse.h"
#include "net/graphqlrequest.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Sextant::Net {

/// One field of a CompositeConfigType (ConfigTypeField). defaultValueJson is the server's defaultValueAsJson text
/// (JSON, e.g. "\"INFO\"" or "{}"), empty when the field has no default.
struct DagsterConfigField
{
    QString name;
    QString description;
    QString typeKey;
    bool required = false;
    QString defaultValueJson;
};

/// One entry of allConfigTypes. Kind comes from __typename and isSelector:
/// RegularConfigType String/Int/Float/Bool → Scalar, RegularConfigType Any → Any, CompositeConfigType → Composite or
/// Selector (isSelector), EnumConfigType → Enum, ArrayConfigType → Array, NullableConfigType → Nullable,
/// ScalarUnionConfigType → ScalarUnion, MapConfigType → Map, anything else → Unknown.
struct DagsterConfigType
{
    enum class Kind { Scalar, Any, Composite, Selector, Enum, Array, Nullable, ScalarUnion, Map, Unknown };
    Kind kind = Kind::Unknown;
    QString key;
    QString typeName; ///< __typename
    QString description;
    QList<DagsterConfigField> fields; ///< Composite, Selector
    QStringList enumValues;           ///< Enum
    QString ofTypeKey;                ///< Array, Nullable
    QString scalarTypeKey;            ///< ScalarUnion
    QString nonScalarTypeKey;         ///< ScalarUnion
    QString valueTypeKey;             ///< Map
};

/// One RunConfigValidationInvalid error (PipelineConfigValidationError). path is the config path of the error
/// built from stack.entries (field names, list indices as decimal text) plus the missing/undefined field's name for
/// MissingFieldConfigError/FieldNotDefinedConfigError — the server's own "path" list is empty in Dagster 1.13.
/// A MissingFieldsConfigError becomes one entry per missing field.
struct DagsterConfigError
{
    QString typeName;
    QString message;
    QString reason; ///< EvaluationErrorReason, e.g. MISSING_REQUIRED_FIELD
    QStringList path;
    QString pathString() const { return path.isEmpty() ? QStringLiteral("(root)") : path.join(QLatin1Char('.')); }
};

/// The outcome of one isRunConfigValid request: ok = the request worked (then valid says whether the config is
/// valid and errors lists why not); !ok = error says why the check itself failed (PipelineNotFoundError, …).
struct DagsterConfigValidation
{
    bool ok = false;
    bool valid = false;
    QList<DagsterConfigError> errors;
    DagsterError error;
};

/**
 * The run config schema of one job: runConfigSchemaOrError(selector: PipelineSelector!) { ... on RunConfigSchema {
 * rootConfigType { key } allConfigTypes { … } } } and isRunConfigValid(runConfigData:) inside it (verified against
 * dagster-webserver 1.13; there is no top-level isRunConfigValid). Types refer to each other by key; type() looks
 * one up (nullptr if unknown). Pure, any thread.
 */
class DagsterRunConfigSchema final
{
public:
    static const QString schemaDocument;
    static const QString validateDocument;

    static GraphQLRequest request(const DagsterJob &job);
    static DagsterRunConfigSchema parse(const HttpResult &result);
    static DagsterRunConfigSchema parseBody(const QByteArray &body);

    /// isRunConfigValid for @p runConfig (the runConfigData object).
    static GraphQLRequest validateRequest(const DagsterJob &job, const QJsonObject &runConfig);
    static DagsterConfigValidation parseValidation(const HttpResult &result);
    static DagsterConfigValidation parseValidationBody(const QByteArray &body);
    /// Reads a RunConfigValidationInvalid.errors list (also used for launchRun's union member).
    static QList<DagsterConfigError> readConfigErrors(const Core::ResponseDocument &document,
                                                      Core::ResponseDocument::NodeId errors);

    bool ok() const { return m_ok; }
    const DagsterError &error() const { return m_error; }
    const QString &rootKey() const { return m_rootKey; }
    const DagsterConfigType *type(const QString &key) const;
    qsizetype typeCount() const { return m_types.size(); }

private:
    bool m_ok = false;
    DagsterError m_error;
    QString m_rootKey;
    QHash<QString, DagsterConfigType> m_types;
};

} // namespace Sextant::Net
