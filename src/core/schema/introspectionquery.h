// SPDX-License-Identifier: MIT
// Sextant: builds the introspection query, its capability probe and the fallback ladder.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

namespace Sextant::Core {

/**
 * Which optional parts the introspection query asks for (graphql-js 16 getIntrospectionQuery
 * options, PROTOCOLS.md §2.1). Defaults equal graphql-js's defaults.
 */
struct IntrospectionOptions
{
    bool descriptions = true;
    bool specifiedByUrl = false;
    bool directiveIsRepeatable = false;
    bool schemaDescription = false;
    bool inputValueDeprecation = false;
    bool oneOf = false;
    int typeDepth = 9; ///< number of `ofType` levels in fragment TypeRef (clamped to 0..100)
    /// Ask for `specifiedByUrl` (graphql-js 15 spelling) instead of `specifiedByURL`; set by the probe.
    bool specifiedByUrlLegacySpelling = false;

    /// Every optional part on (the start of the ladder when nothing is known about the server).
    static IntrospectionOptions full();

    friend bool operator==(const IntrospectionOptions &, const IntrospectionOptions &) = default;
};

/**
 * The introspection query text, structured exactly like graphql-js 16 getIntrospectionQuery()
 * (`query IntrospectionQuery`, fragments FullType / InputValue / TypeRef), with `isOneOf` for
 * `oneOf` and `typeDepth` ofType levels. Pure function, any thread.
 */
QString introspectionQuery(const IntrospectionOptions &options = {});

/// The capability probe of PROTOCOLS.md §2.3 step 1 (`query IntrospectionCapabilities`).
QString introspectionCapabilitiesQuery();

/**
 * Decides the options from the probe's response (PROTOCOLS.md §2.3 step 1): isOneOf on __Type,
 * specifiedByURL/specifiedByUrl on __Type, isRepeatable on __Directive, description on __Schema,
 * isDeprecated on __InputValue together with includeDeprecated on __Field.args. Descriptions stay on,
 * typeDepth 9. When the response is not JSON, carries errors without data or lacks the __Type
 * lookup, sets *ok to false and returns IntrospectionOptions::full(): the caller then walks
 * introspectionFallbackLadder() from there (§2.3 step 3).
 */
IntrospectionOptions introspectionOptionsFromProbe(const QByteArray &probeResponseJson, bool *ok = nullptr);

/**
 * PROTOCOLS.md §2.3 step 3: `start`, then without isOneOf, then without input-value deprecation,
 * then without specifiedByURL / isRepeatable / schema description, then the minimal core (no
 * descriptions either). A step equal to the one before it is left out, so the list never repeats
 * and always starts with `start`. typeDepth is kept.
 */
QList<IntrospectionOptions> introspectionFallbackLadder(const IntrospectionOptions &start = IntrospectionOptions::full());

/**
 * True when a GraphQL error message is a validation error about an introspection field or argument
 * (`Cannot query field "isOneOf" on type "__Type"`, `Unknown argument "includeDeprecated" on field
 * "__Field.args"`): the signal to step down the ladder. Other errors mean stop.
 */
bool isIntrospectionFieldError(QStringView message);

} // namespace Sextant::Core
