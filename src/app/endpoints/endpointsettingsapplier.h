// SPDX-License-Identifier: MIT
// Sextant: puts the user's per-endpoint settings onto the Net::EndpointProfile a request is sent with.
#pragma once

#include <net/endpointprofile.h>
#include <store/endpointsettingsstore.h>

namespace Sextant::App {

/**
 * The timeout a request to an endpoint of @p kind uses, in milliseconds (0 = none), by precedence:
 * 1. the per-endpoint value (@p settings.timeoutMs, 0 included) when the user set one;
 * 2. none for a Dagger session (PROTOCOLS.md §5.5: builds run for minutes);
 * 3. @p preferencesTimeoutMs (AppSettings::defaultTimeoutSeconds() * 1000) otherwise.
 * Negative values count as 0. Pure function; any thread.
 */
int effectiveTimeoutMs(Net::EndpointKind kind, const Store::EndpointSettings &settings, int preferencesTimeoutMs);

/**
 * @p profile with the stored @p settings applied: timeoutMs (effectiveTimeoutMs() above), useGetForQueries,
 * allowCrossOriginRedirects, subscriptionProtocol (an id Net::EndpointProfile::subscriptionProtocolFromId does
 * not know reads as Auto) and subscriptionUrl (kept only when it is a ws:// or wss:// URL with a host; otherwise
 * the profile's own is kept, i.e. the endpoint URL with http→ws). URL, headers and token are untouched.
 * Apply it to the profile that is sent (after the environment is substituted), looking the settings up with
 * that profile's profileKey(). Pure function; any thread.
 */
Net::EndpointProfile applyEndpointSettings(Net::EndpointProfile profile, const Store::EndpointSettings &settings,
                                           int preferencesTimeoutMs);

/// The same with the settings of profile.profileKey() in @p store (defaults when @p store is null or has none).
/// GUI thread (the store is a GUI-thread object).
Net::EndpointProfile applyEndpointSettings(Net::EndpointProfile profile, const Store::EndpointSettingsStore *store,
                                           int preferencesTimeoutMs);

} // namespace Sextant::App
