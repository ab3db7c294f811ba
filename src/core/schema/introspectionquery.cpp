// SPDX-License-Identifier: MIT
// Sextant: builds the introspection query, its capability probe and the fallback ladder.
#include "introspectionquery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace Sextant::Core {

namespace {

using namespace Qt::StringLiterals;

// The ofType chain of fragment TypeRef, in graphql-js's layout ("name" before "kind" inside ofType).
QString ofTypeChain(int level, const QString &indent)
{
    QString text;
    QString closing;
    QString current = indent;
    for (int i = 0; i < level; ++i) {
        text += u'\n' + current + u"ofType {\n"_s + current + u"  name\n"_s + current + u"  kind"_s;
        closing.prepend(u'\n' + current + u'}');
        current += u"  "_s;
    }
    return text + closing;
}

QStringList fieldNames(const QJsonValue &type)
{
    QStringList names;
    const QJsonArray fields = type.toObject().value("fields"_L1).toArray();
    for (const QJsonValue &field : fields)
        names.append(field.toObject().value("name"_L1).toString());
    return names;
}

} // namespace

IntrospectionOptions IntrospectionOptions::full()
{
    IntrospectionOptions options;
    options.specifiedByUrl = true;
    options.directiveIsRepeatable = true;
    options.schemaDescription = true;
    options.inputValueDeprecation = true;
    options.oneOf = true;
    return options;
}

QString introspectionQuery(const IntrospectionOptions &options)
{
    // Mirrors graphql-js 16 src/utilities/getIntrospectionQuery.ts line by line so that servers
    // with persisted-query or depth rules see the document they expect.
    const QString descriptions = options.descriptions ? u"description"_s : QString();
    const QString specifiedByUrl = options.specifiedByUrl
        ? (options.specifiedByUrlLegacySpelling ? u"specifiedByUrl"_s : u"specifiedByURL"_s)
        : QString();
    const QString directiveIsRepeatable = options.directiveIsRepeatable ? u"isRepeatable"_s : QString();
    const QString schemaDescription = options.schemaDescription ? descriptions : QString();
    const auto inputDeprecation = [&](const QString &text) -> QString {
        return options.inputValueDeprecation ? text : QString();
    };
    const QString oneOf = options.oneOf ? u"isOneOf"_s : QString();
    const int typeDepth = std::clamp(options.typeDepth, 0, 100);

    QString query = uR"(
    query IntrospectionQuery {
      __schema {
        %SCHEMA_DESCRIPTION%
        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives {
          name
          %DESCRIPTION%
          %IS_REPEATABLE%
          %DIRECTIVE_DEPRECATION%
          %DIRECTIVE_DEPRECATION%
          locations
          args%INCLUDE_DEPRECATED% {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      %DESCRIPTION%
      %SPECIFIED_BY_URL%
      %ONE_OF%
      fields(includeDeprecated: true) {
        name
        %DESCRIPTION%
        args%INCLUDE_DEPRECATED% {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields%INCLUDE_DEPRECATED% {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        %DESCRIPTION%
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      %DESCRIPTION%
      type { ...TypeRef }
      defaultValue
      %IS_DEPRECATED%
      %DEPRECATION_REASON%
    }

    fragment TypeRef on __Type {
      kind
      name%OF_TYPE%
    }
  )"_s;
    query.replace("%SCHEMA_DESCRIPTION%"_L1, schemaDescription);
    query.replace("%DESCRIPTION%"_L1, descriptions);
    query.replace("%IS_REPEATABLE%"_L1, directiveIsRepeatable);
    query.replace("%INCLUDE_DEPRECATED%"_L1, inputDeprecation(u"(includeDeprecated: true)"_s));
    query.replace("%SPECIFIED_BY_URL%"_L1, specifiedByUrl);
    query.replace("%ONE_OF%"_L1, oneOf);
    query.replace("%IS_DEPRECATED%"_L1, inputDeprecation(u"isDeprecated"_s));
    query.replace("%DEPRECATION_REASON%"_L1, inputDeprecation(u"deprecationReason"_s));
    // graphql-js's experimentalDirectiveDeprecation is not a spec feature; its lines stay empty.
    query.replace("%DIRECTIVE_DEPRECATION%"_L1, QString());
    query.replace("%OF_TYPE%"_L1, ofTypeChain(typeDepth, u"      "_s));
    return query;
}

QString introspectionCapabilitiesQuery()
{
    return uR"(query IntrospectionCapabilities {
  t: __type(name: "__Type") { fields { name } }
  d: __type(name: "__Directive") { fields { name } }
  s: __type(name: "__Schema") { fields { name } }
  iv: __type(name: "__InputValue") { fields { name } }
  f: __type(name: "__Field") { fields { name args { name } } }
}
)"_s;
}

IntrospectionOptions introspectionOptionsFromProbe(const QByteArray &probeResponseJson, bool *ok)
{
    IntrospectionOptions options;
    const auto fail = [&]() -> IntrospectionOptions {
        if (ok)
            *ok = false;
        return IntrospectionOptions::full();
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(probeResponseJson, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail();
    const QJsonObject data = document.object().value("data"_L1).toObject();
    const QJsonValue typeType = data.value("t"_L1);
    if (!typeType.isObject())
        return fail();

    const QStringList typeFields = fieldNames(typeType);
    options.oneOf = typeFields.contains("isOneOf"_L1);
    options.specifiedByUrl = typeFields.contains("specifiedByURL"_L1) || typeFields.contains("specifiedByUrl"_L1);
    options.specifiedByUrlLegacySpelling = !typeFields.contains("specifiedByURL"_L1) && typeFields.contains("specifiedByUrl"_L1);
    options.directiveIsRepeatable = fieldNames(data.value("d"_L1)).contains("isRepeatable"_L1);
    options.schemaDescription = fieldNames(data.value("s"_L1)).contains("description"_L1);

    bool argsTakeIncludeDeprecated = false;
    const QJsonArray fieldFields = data.value("f"_L1).toObject().value("fields"_L1).toArray();
    for (const QJsonValue &field : fieldFields) {
        const QJsonObject object = field.toObject();
        if (object.value("name"_L1).toString() != "args"_L1)
            continue;
        const QJsonArray args = object.value("args"_L1).toArray();
        for (const QJsonValue &arg : args)
            argsTakeIncludeDeprecated |= arg.toObject().value("name"_L1).toString() == "includeDeprecated"_L1;
    }
    options.inputValueDeprecation =
        argsTakeIncludeDeprecated && fieldNames(data.value("iv"_L1)).contains("isDeprecated"_L1);
    if (ok)
        *ok = true;
    return options;
}

QList<IntrospectionOptions> introspectionFallbackLadder(const IntrospectionOptions &start)
{
    QList<IntrospectionOptions> ladder{start};
    const auto step = [&](auto &&change) {
        IntrospectionOptions next = ladder.constLast();
        change(next);
        if (!(next == ladder.constLast()))
            ladder.append(next);
    };
    step([](IntrospectionOptions &o) { o.oneOf = false; });
    step([](IntrospectionOptions &o) { o.inputValueDeprecation = false; });
    step([](IntrospectionOptions &o) {
        o.specifiedByUrl = false;
        o.specifiedByUrlLegacySpelling = false;
        o.directiveIsRepeatable = false;
        o.schemaDescription = false;
    });
    step([](IntrospectionOptions &o) { o.descriptions = false; });
    return ladder;
}

bool isIntrospectionFieldError(QStringView message)
{
    // graphql-js / graphql-core: 'Cannot query field "x" on type "__Type".',
    // 'Unknown argument "includeDeprecated" on field "__Field.args".'; gqlgen and dagql use the same
    // wording with different quoting, so match loosely on the introspection type name.
    static const QRegularExpression pattern(
        uR"((cannot query field|unknown argument|unknown field).*["'`]?__(Schema|Type|Field|InputValue|EnumValue|Directive)\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(message).hasMatch();
}

} // namespace Sextant::Core
