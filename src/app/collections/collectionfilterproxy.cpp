// SPDX-License-Identifier: MIT
// Sextant: substring search over collection items, keeping the folders that lead to a match.
#include "app/collections/collectionfilterproxy.h"

#include "app/collections/collectionitemmodel.h"

namespace Sextant::App {

CollectionFilterProxy::CollectionFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

CollectionFilterProxy::~CollectionFilterProxy() = default;

void CollectionFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool CollectionFilterProxy::matches(const QModelIndex &index) const
{
    for (const int role :
         {int(Qt::DisplayRole), int(CollectionItemModel::DescriptionRole), int(CollectionItemModel::DocumentRole)}) {
        if (index.data(role).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool CollectionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    // Roots show only when something below them matches (recursive filtering keeps them then).
    if (!sourceParent.isValid())
        return false;
    // A match, or anything inside a matching folder.
    for (QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent); index.parent().isValid();
         index = index.parent()) {
        if (matches(index))
            return true;
    }
    return false;
}

} // namespace Sextant::App
