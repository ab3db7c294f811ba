// SPDX-License-Identifier: MIT
// Sextant: the collection dock's search: names, descriptions and document text.
#pragma once

#include <QSortFilterProxyModel>

namespace Sextant::App {

/**
 * Filters CollectionItemModel by a case-insensitive substring of an item's name, description or document
 * (recursive: the folders above a match stay; a matching folder keeps its contents). A root shows when something
 * below it matches.
 * An empty text shows everything. UI thread.
 */
class CollectionFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionFilterProxy)

public:
    explicit CollectionFilterProxy(QObject *parent = nullptr);
    ~CollectionFilterProxy() override;

    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool matches(const QModelIndex &index) const;

    QString m_text;
};

} // namespace Sextant::App
