// SPDX-License-Identifier: MIT
// Sextant: puts the user's per-endpoint settings onto the Net::EndpointProfile a request is sent with.
#include "endpointsettingsapplier.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Sextant::App {

int effectiveTimeoutMs(Net::EndpointKind kind, const Store::EndpointSettings &settings, int preferencesTimeoutMs)
{
    if (settings.timeoutMs)
        return qMax(0, *settings.timeoutMs);
    if (kind == Net::EndpointKind::DaggerSession)
        return 0;
    return qMax(0, preferencesTimeoutMs);
}

Net::EndpointProfile applyEndpointSettings(Net::EndpointProfile profile, const Store::EndpointSettings &settings,
                                           int preferencesTimeoutMs)
{
    profile.timeoutMs = effectiveTimeoutMs(profile.kind, settings, preferencesTimeoutMs);
    profile.useGetForQueries = settings.useGetForQueries;
    profile.allowCrossOriginRedirects = settings.allowCrossOriginRedirects;
    profile.subscriptionProtocol = Net::EndpointProfile::subscriptionProtocolFromId(settings.subscriptionProtocolId)
                                       .value_or(Net::SubscriptionProtocol::Auto);
    const QUrl subscriptionUrl(settings.subscriptionUrl.trimmed(), QUrl::StrictMode);
    const QString scheme = subscriptionUrl.scheme().toLower();
    if (!settings.subscriptionUrl.trimmed().isEmpty() && subscriptionUrl.isValid() && !subscriptionUrl.host().isEmpty()
        && (scheme == u"ws"_s || scheme == u"wss"_s))
        profile.subscriptionUrl = subscriptionUrl;
    return profile;
}

Net::EndpointProfile applyEndpointSettings(Net::EndpointProfile profile, const Store::EndpointSettingsStore *store,
                                           int preferencesTimeoutMs)
{
    const Store::EndpointSettings settings = store ? store->settings(profile.profileKey()) : Store::EndpointSettings();
    return applyEndpointSettings(std::move(profile), settings, preferencesTimeoutMs);
}

} // namespace Sextant::App
