// SPDX-License-Identifier: MIT
// Sextant: small drawn icons for GraphQL type kinds and schema tree rows.
#include "kindicons.h"

#include <core/schema/typekind.h>
#include <models/schematreemodel.h>

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace Sextant::App {

namespace {

using NodeKind = Models::SchemaTreeModel::NodeKind;
using Core::TypeKind;

QIcon badge(const QString &letter, QColor colour, bool round)
{
    static QHash<QString, QIcon> cache;
    const QString key = letter + colour.name() + (round ? u'r' : u's');
    if (auto it = cache.constFind(key); it != cache.constEnd())
        return *it;
    QIcon icon;
    for (int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        const QRectF r(0.5, 0.5, size - 1.0, size - 1.0);
        if (round)
            painter.drawEllipse(r);
        else
            painter.drawRoundedRect(r, size / 5.0, size / 5.0);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(int(size * (letter.size() > 1 ? 0.5 : 0.68)));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(r, Qt::AlignCenter, letter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(key, icon);
    return icon;
}

} // namespace

QIcon typeKindIcon(int typeKind)
{
    switch (TypeKind(typeKind)) {
    case TypeKind::Object: return badge(QStringLiteral("O"), QColor(0x1f, 0x61, 0xa0), false);
    case TypeKind::Interface: return badge(QStringLiteral("I"), QColor(0x8b, 0x2b, 0xb9), false);
    case TypeKind::Union: return badge(QStringLiteral("U"), QColor(0xd9, 0x73, 0x06), false);
    case TypeKind::Enum: return badge(QStringLiteral("E"), QColor(0x2e, 0x8b, 0x57), false);
    case TypeKind::InputObject: return badge(QStringLiteral("In"), QColor(0x00, 0x80, 0x80), false);
    case TypeKind::Scalar: return badge(QStringLiteral("S"), QColor(0x6b, 0x6b, 0x6b), false);
    case TypeKind::List:
    case TypeKind::NonNull: break;
    }
    return {};
}

QIcon schemaNodeIcon(int nodeKind, int typeKind)
{
    switch (NodeKind(nodeKind)) {
    case NodeKind::RootOperation: return badge(QStringLiteral("R"), QColor(0xb1, 0x1a, 0x04), false);
    case NodeKind::Type:
    case NodeKind::PossibleType:
    case NodeKind::Interface: return typeKindIcon(typeKind);
    case NodeKind::Field: return badge(QStringLiteral("f"), QColor(0x1f, 0x61, 0xa0), true);
    case NodeKind::InputField: return badge(QStringLiteral("f"), QColor(0x00, 0x80, 0x80), true);
    case NodeKind::Argument: return badge(QStringLiteral("a"), QColor(0x8b, 0x2b, 0xb9), true);
    case NodeKind::EnumValue: return badge(QStringLiteral("v"), QColor(0x2e, 0x8b, 0x57), true);
    case NodeKind::TypesGroup: return badge(QStringLiteral("T"), QColor(0x44, 0x44, 0x44), false);
    case NodeKind::DirectivesGroup:
    case NodeKind::Directive: return badge(QStringLiteral("@"), QColor(0x33, 0x33, 0xcc), false);
    }
    return {};
}

} // namespace Sextant::App
