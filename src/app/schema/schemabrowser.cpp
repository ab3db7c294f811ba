// SPDX-License-Identifier: MIT
// Sextant: the schema browser: tree of the introspected schema, details pane, filter, back/forward.
#include "schemabrowser.h"

#include "schemaproxymodel.h"
#include "ui_schemabrowser.h"

#include <core/schema/schema.h>
#include <core/schema/typekind.h>
#include <core/schema/typeref.h>
#include <models/roles.h>
#include <models/schematreemodel.h>

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <algorithm>

namespace Sextant::App {

namespace {

constexpr auto TypeScheme = QLatin1StringView("sextant-type");

// "[Run!]!" with the named type as a link.
QString linkedTypeRef(const QString &typeRef, const QString &namedType)
{
    if (namedType.isEmpty())
        return typeRef.toHtmlEscaped();
    const qsizetype at = typeRef.indexOf(namedType);
    if (at < 0)
        return typeRef.toHtmlEscaped();
    return typeRef.left(at).toHtmlEscaped() + QStringLiteral("<a href=\"") + TypeScheme + u':'
        + QString::fromLatin1(QUrl::toPercentEncoding(namedType)) + QStringLiteral("\">") + namedType.toHtmlEscaped()
        + QStringLiteral("</a>") + typeRef.mid(at + namedType.size()).toHtmlEscaped();
}

// "color: Color = YELLOW" or "loans(first: Int = 10): LoanConnection!" with the type as a link: the type is the
// signature's tail, or follows the name of an argument or input field that has a default value.
QString linkedSignature(const QString &signature, const QString &typeRef, const QString &namedType)
{
    qsizetype typeAt = -1;
    if (!typeRef.isEmpty() && signature.endsWith(typeRef)) {
        typeAt = signature.size() - typeRef.size();
    } else if (!typeRef.isEmpty()) {
        typeAt = signature.indexOf(QStringLiteral(": ") + typeRef + u' ');
        if (typeAt >= 0)
            typeAt += 2;
    }
    if (typeAt < 0)
        return signature.toHtmlEscaped();
    return signature.left(typeAt).toHtmlEscaped() + linkedTypeRef(typeRef, namedType)
        + signature.mid(typeAt + typeRef.size()).toHtmlEscaped();
}

// Descriptions are CommonMark (spec §2.6 Descriptions); GraphiQL renders them, so does the editor's hover.
QString descriptionHtml(const QString &description)
{
    if (description.trimmed().isEmpty())
        return QStringLiteral("<p><i>No description.</i></p>");
    QTextDocument document;
    document.setMarkdown(description);
    const QString html = document.toHtml();
    // Keep only the body: the details pane renders the fragment inside its own document.
    const qsizetype bodyStart = html.indexOf(u"<body");
    const qsizetype contentStart = bodyStart >= 0 ? html.indexOf(u'>', bodyStart) + 1 : 0;
    const qsizetype bodyEnd = html.lastIndexOf(u"</body>");
    return html.mid(contentStart, bodyEnd > contentStart ? bodyEnd - contentStart : -1);
}

} // namespace

SchemaBrowser::SchemaBrowser(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SchemaBrowser>())
    , m_model(new Models::SchemaTreeModel(this))
    , m_proxy(new SchemaProxyModel(this))
{
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_ui->treeView->setModel(m_proxy);
    m_ui->treeView->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_ui->treeView->header()->resizeSection(0, 220);
    connect(m_ui->treeView->header(), &QHeaderView::sectionResized, this, [this](int logicalIndex) {
        if (logicalIndex == 0 && !m_fittingNameColumn)
            m_nameColumnSizedByUser = true;
    });
    m_ui->treeView->viewport()->installEventFilter(this);
    m_ui->treeView->setExpandsOnDoubleClick(false);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);

    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(150);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, [this] { setFilterText(m_ui->filterEdit->text()); });

    connect(m_ui->treeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                updateDetails(current);
                m_ui->insertButton->setEnabled(fieldOfRow(current, nullptr, nullptr));
            });
    connect(m_ui->insertButton, &QToolButton::clicked, this, &SchemaBrowser::insertCurrentField);
    connect(m_ui->treeView, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        QString parentType;
        QString fieldName;
        if (fieldOfRow(index, &parentType, &fieldName)) {
            emit insertFieldRequested(parentType, fieldName);
            return;
        }
        const QString target = index.data(Models::TypeNameRole).toString();
        const int nodeKind = index.data(Models::NodeKindRole).toInt();
        if (nodeKind == int(Models::SchemaTreeModel::NodeKind::Type) || target.isEmpty()) {
            m_ui->treeView->setExpanded(index, !m_ui->treeView->isExpanded(index));
            return;
        }
        showType(target);
    });
    connect(m_ui->detailsView, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == TypeScheme)
            showType(url.path());
    });
    connect(m_ui->backButton, &QToolButton::clicked, this, &SchemaBrowser::goBack);
    connect(m_ui->forwardButton, &QToolButton::clicked, this, &SchemaBrowser::goForward);

    auto *back = new QAction(this);
    back->setShortcut(QKeySequence::Back);
    back->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QAction::triggered, this, &SchemaBrowser::goBack);
    addAction(back);
    auto *forward = new QAction(this);
    forward->setShortcut(QKeySequence::Forward);
    forward->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(forward, &QAction::triggered, this, &SchemaBrowser::goForward);
    addAction(forward);
}

SchemaBrowser::~SchemaBrowser() = default;

void SchemaBrowser::setSchema(std::shared_ptr<const Core::Schema> schema)
{
    m_back.clear();
    m_forward.clear();
    m_current.clear();
    m_model->setSchema(std::move(schema));
    m_ui->detailsView->clear();
    m_ui->insertButton->setEnabled(false);
    // Root operation types are what a user explores first (GraphiQL's doc explorer opens on them).
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(Models::NodeKindRole).toInt() == int(Models::SchemaTreeModel::NodeKind::RootOperation))
            m_ui->treeView->expand(index);
    }
    updateNavigationButtons();
}

std::shared_ptr<const Core::Schema> SchemaBrowser::schema() const
{
    return m_model->schema();
}

void SchemaBrowser::setStatusText(const QString &text)
{
    m_ui->statusLabel->setText(text);
}

bool SchemaBrowser::showType(const QString &typeName)
{
    return !typeName.startsWith(u'@') && navigateTo(typeName);
}

bool SchemaBrowser::showDirective(const QString &directiveName, const QString &argumentName)
{
    if (directiveName.isEmpty() || !navigateTo(u'@' + directiveName))
        return false;
    if (argumentName.isEmpty())
        return true;
    const QModelIndex directive = m_proxy->mapFromSource(m_model->indexForDirective(directiveName));
    m_ui->treeView->expand(directive);
    for (int row = 0; row < m_proxy->rowCount(directive); ++row) {
        const QModelIndex child = m_proxy->index(row, 0, directive);
        if (child.data(Qt::DisplayRole).toString() == argumentName) {
            m_ui->treeView->setCurrentIndex(child);
            m_ui->treeView->scrollTo(child);
            break;
        }
    }
    return true;
}

bool SchemaBrowser::navigateTo(const QString &target)
{
    const bool isDirective = target.startsWith(u'@');
    const QModelIndex source = isDirective ? m_model->indexForDirective(target.mid(1)) : m_model->indexForType(target);
    if (!source.isValid())
        return false;
    if (target == m_current) {
        selectType(target); // back to the row itself, e.g. after an argument or field below it was shown
        return true;
    }
    if (!m_current.isEmpty())
        m_back.append(m_current);
    m_forward.clear();
    selectType(target);
    return true;
}

bool SchemaBrowser::showElement(const QString &typeName, const QString &fieldName)
{
    if (!showType(typeName))
        return false;
    if (fieldName.isEmpty())
        return true;
    const QModelIndex type = m_proxy->mapFromSource(m_model->indexForType(typeName));
    m_ui->treeView->expand(type);
    for (int row = 0; row < m_proxy->rowCount(type); ++row) {
        const QModelIndex child = m_proxy->index(row, 0, type);
        if (child.data(Qt::DisplayRole).toString() == fieldName) {
            m_ui->treeView->setCurrentIndex(child);
            m_ui->treeView->scrollTo(child);
            return true;
        }
    }
    return true;
}

QString SchemaBrowser::currentTypeName() const
{
    return m_current.startsWith(u'@') ? QString() : m_current;
}

QString SchemaBrowser::currentDirectiveName() const
{
    return m_current.startsWith(u'@') ? m_current.mid(1) : QString();
}

bool SchemaBrowser::canGoBack() const
{
    return !m_back.isEmpty();
}

bool SchemaBrowser::canGoForward() const
{
    return !m_forward.isEmpty();
}

void SchemaBrowser::goBack()
{
    if (m_back.isEmpty())
        return;
    if (!m_current.isEmpty())
        m_forward.prepend(m_current);
    selectType(m_back.takeLast());
}

void SchemaBrowser::goForward()
{
    if (m_forward.isEmpty())
        return;
    if (!m_current.isEmpty())
        m_back.append(m_current);
    selectType(m_forward.takeFirst());
}

void SchemaBrowser::setFilterText(const QString &text)
{
    if (m_ui->filterEdit->text() != text)
        m_ui->filterEdit->setText(text);
    m_proxy->setFilterRegularExpression(
        QRegularExpression(QRegularExpression::escape(text.trimmed()), QRegularExpression::CaseInsensitiveOption));
    if (!text.trimmed().isEmpty() && m_proxy->rowCount() < 400)
        m_ui->treeView->expandToDepth(1);
}

QTreeView *SchemaBrowser::treeView() const
{
    return m_ui->treeView;
}

QTextBrowser *SchemaBrowser::detailsView() const
{
    return m_ui->detailsView;
}

Models::SchemaTreeModel *SchemaBrowser::schemaModel() const
{
    return m_model;
}

QToolButton *SchemaBrowser::insertButton() const
{
    return m_ui->insertButton;
}

bool SchemaBrowser::insertCurrentField()
{
    QString parentType;
    QString fieldName;
    if (!fieldOfRow(m_ui->treeView->currentIndex(), &parentType, &fieldName))
        return false;
    emit insertFieldRequested(parentType, fieldName);
    return true;
}

bool SchemaBrowser::fieldOfRow(const QModelIndex &proxyIndex, QString *typeName, QString *fieldName) const
{
    const QModelIndex row = proxyIndex.siblingAtColumn(0);
    if (!row.isValid() || row.data(Models::NodeKindRole).toInt() != int(Models::SchemaTreeModel::NodeKind::Field))
        return false;
    const QString parentType = row.parent().data(Models::TypeNameRole).toString();
    if (parentType.isEmpty())
        return false;
    if (typeName)
        *typeName = parentType;
    if (fieldName)
        *fieldName = row.data(Qt::DisplayRole).toString();
    return true;
}

void SchemaBrowser::selectType(const QString &target)
{
    m_current = target;
    const auto sourceIndex = [this, &target] {
        return target.startsWith(u'@') ? m_model->indexForDirective(target.mid(1)) : m_model->indexForType(target);
    };
    QModelIndex proxyIndex = m_proxy->mapFromSource(sourceIndex());
    if (!proxyIndex.isValid() && !m_ui->filterEdit->text().isEmpty()) {
        // The filter hides the target: clear it rather than navigating nowhere.
        setFilterText(QString());
        proxyIndex = m_proxy->mapFromSource(sourceIndex());
    }
    if (proxyIndex.isValid()) {
        for (QModelIndex p = proxyIndex.parent(); p.isValid(); p = p.parent())
            m_ui->treeView->expand(p);
        m_ui->treeView->expand(proxyIndex);
        m_ui->treeView->setCurrentIndex(proxyIndex);
        m_ui->treeView->scrollTo(proxyIndex, QAbstractItemView::PositionAtTop);
    }
    updateNavigationButtons();
}

void SchemaBrowser::updateDetails(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_ui->detailsView->clear();
        return;
    }
    const QString name = index.data(Qt::DisplayRole).toString();
    const QString typeName = index.data(Models::TypeNameRole).toString();
    const int nodeKind = index.data(Models::NodeKindRole).toInt();
    using NodeKind = Models::SchemaTreeModel::NodeKind;

    QString html;
    if (nodeKind == int(NodeKind::Type) || nodeKind == int(NodeKind::PossibleType)
        || nodeKind == int(NodeKind::Interface) || nodeKind == int(NodeKind::RootOperation)) {
        const QString kind = Core::typeKindName(Core::TypeKind(index.data(Models::TypeKindRole).toInt()));
        html += QStringLiteral("<h3>") + linkedTypeRef(typeName.isEmpty() ? name : typeName, typeName)
            + QStringLiteral("</h3><p><code>") + kind.toHtmlEscaped() + QStringLiteral("</code></p>");
        if (const auto schema = m_model->schema(); schema && !typeName.isEmpty()) {
            if (const Core::NamedType *type = schema->type(typeName)) {
                html += descriptionHtml(type->description);
                if (!type->interfaces.isEmpty()) {
                    QStringList links;
                    for (const QString &iface : type->interfaces)
                        links << linkedTypeRef(iface, iface);
                    html += QStringLiteral("<p>Implements ") + links.join(QStringLiteral(", ")) + QStringLiteral("</p>");
                }
                if (!type->possibleTypes.isEmpty()) {
                    QStringList links;
                    for (const QString &member : type->possibleTypes)
                        links << linkedTypeRef(member, member);
                    html += QStringLiteral("<p>Possible types: ") + links.join(QStringLiteral(" | "))
                        + QStringLiteral("</p>");
                }
                if (!type->specifiedByURL.isEmpty())
                    html += QStringLiteral("<p>Specified by <code>") + type->specifiedByURL.toHtmlEscaped()
                        + QStringLiteral("</code></p>");
                if (type->isOneOf)
                    html += QStringLiteral("<p><code>@oneOf</code>: exactly one field must be given.</p>");
            }
        }
    } else {
        QString signature = index.data(Models::SignatureRole).toString();
        if (signature.isEmpty())
            signature = name;
        html += QStringLiteral("<h3>") + name.toHtmlEscaped() + QStringLiteral("</h3>");
        html += QStringLiteral("<p><code>") + signatureHtml(index, signature) + QStringLiteral("</code></p>");
        const QString defaultValue = index.data(Models::DefaultValueRole).toString();
        if (!defaultValue.isEmpty() && !signature.endsWith(QStringLiteral(" = ") + defaultValue))
            html += QStringLiteral("<p>Default: <code>") + defaultValue.toHtmlEscaped() + QStringLiteral("</code></p>");
        html += descriptionHtml(index.data(Models::DescriptionRole).toString());
    }
    if (index.data(Models::IsDeprecatedRole).toBool()) {
        const QString reason = index.data(Models::DeprecationReasonRole).toString();
        html += QStringLiteral("<p style=\"color:#a15c00\"><b>Deprecated</b>")
            + (reason.isEmpty() ? QString() : QStringLiteral(": ") + reason.toHtmlEscaped()) + QStringLiteral("</p>");
    }
    m_ui->detailsView->setHtml(html);
}

QString SchemaBrowser::signatureHtml(const QModelIndex &index, const QString &signature) const
{
    const QString typeRef = index.data(Models::TypeRefRole).toString();
    const QString typeName = index.data(Models::TypeNameRole).toString();
    // A long field or directive signature lists one argument per line, as GraphiQL's doc explorer does; the
    // arguments are the row's children (of the source model: the filter may hide some).
    const QModelIndex source = m_proxy->mapToSource(index.siblingAtColumn(0));
    const int kind = source.data(Models::NodeKindRole).toInt();
    using NodeKind = Models::SchemaTreeModel::NodeKind;
    const int argumentCount = kind == int(NodeKind::Field) || kind == int(NodeKind::Directive)
        ? m_model->rowCount(source)
        : 0;
    const qsizetype open = signature.indexOf(u'(');
    if (argumentCount == 0 || open < 0)
        return linkedSignature(signature, typeRef, typeName);
    QStringList arguments;
    QString lines;
    for (int row = 0; row < argumentCount; ++row) {
        const QModelIndex argument = m_model->index(row, 0, source);
        const QString argumentSignature = argument.data(Models::SignatureRole).toString();
        arguments << argumentSignature;
        lines += QStringLiteral("<br>&nbsp;&nbsp;")
            + linkedSignature(argumentSignature, argument.data(Models::TypeRefRole).toString(),
                              argument.data(Models::TypeNameRole).toString());
    }
    const QString joined = arguments.join(QStringLiteral(", "));
    const qsizetype close = open + 1 + joined.size();
    if (signature.mid(open + 1, joined.size()) != joined || close >= signature.size() || signature.at(close) != u')')
        return linkedSignature(signature, typeRef, typeName); // not the "name(args)tail" shape expected
    if (close < 48) // "directive @include(if: Boolean!)" reads best on one line
        return linkedSignature(signature, typeRef, typeName);
    return signature.left(open + 1).toHtmlEscaped() + lines + QStringLiteral("<br>")
        + linkedSignature(signature.mid(close), typeRef, typeName);
}

bool SchemaBrowser::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->treeView->viewport() && event->type() == QEvent::Resize)
        fitNameColumn();
    return QWidget::eventFilter(watched, event);
}

void SchemaBrowser::fitNameColumn()
{
    if (m_nameColumnSizedByUser)
        return;
    // A fixed name column leaves the type column a few letters wide in a narrow dock ("RepositoriesO…").
    const int width = m_ui->treeView->viewport()->width();
    m_fittingNameColumn = true;
    m_ui->treeView->header()->resizeSection(0, std::max(120, width * 3 / 5));
    m_fittingNameColumn = false;
}

void SchemaBrowser::updateNavigationButtons()
{
    m_ui->backButton->setEnabled(!m_back.isEmpty());
    m_ui->forwardButton->setEnabled(!m_forward.isEmpty());
}

} // namespace Sextant::App
