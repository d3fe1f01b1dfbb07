import Foundation
import ViewModels

/// The SSH keys panel: a member's keys (or everyone's) as a table, the key being pasted or
/// the removal being confirmed, and why an action is unavailable before it is tried.
enum SSHKeysDialog {
    /// Rows of keys shown at once; the window follows the selection.
    static let visibleKeys = 8

    static func draw(_ panel: SSHKeysPanel, state: AppState, in area: Rect, on canvas: inout Canvas)
    {
        let scoped = panel.email != nil
        let addDecision = state.keyAddDecision(panel)
        let removeDecision = state.keyRemoveDecision(panel)
        var body = [
            scoped
                ? "A registered key logs its holder in as this member over SSH."
                : "Every member's registered keys. A key logs its holder in as its member over SSH."
        ]
        if scoped, let reason = addDecision.reason, !state.readOnly { body.append(reason + ".") }
        let tableRows = max(1, min(panel.keys.count, visibleKeys)) + 1
        // The dialog's text width at this size, so long lines wrap instead of losing their end.
        let textWidth = max(1, min(preferredWidth, area.width - 2) - 2 - 2 * DialogWidget.padding)
        let extra = extraLines(panel, width: textWidth)
        let errorLines =
            panel.error.map { TextLayout.wrap("✖ " + $0, width: textWidth).prefix(3) } ?? []
        let contentHeight =
            tableRows + (extra.isEmpty ? 0 : extra.count + 1)
            + (errorLines.isEmpty ? 0 : errorLines.count + 1)
        let model = DialogModel(
            title: "SSH keys · " + (panel.email ?? "all members"), body: body, buttons: [],
            hint: hint(panel, canAdd: addDecision.isAllowed, canRemove: removeDecision.isAllowed),
            contentHeight: contentHeight, preferredWidth: preferredWidth)
        let content = DialogWidget.draw(model, in: area, on: &canvas)
        guard !content.isEmpty else { return }
        let (tableArea, below) = content.splitTop(tableRows)
        drawTable(panel, scoped: scoped, in: tableArea, on: &canvas)
        var y = below.y + 1
        for line in extra where y < content.maxY {
            drawExtra(
                line, panel: panel, in: Rect(x: content.x, y: y, width: content.width, height: 1),
                on: &canvas)
            y += 1
        }
        if !extra.isEmpty { y += 1 }
        for line in errorLines where y < content.maxY {
            canvas.write(
                line, x: content.x, y: y, style: Style(.inputError), maxWidth: content.width)
            y += 1
        }
    }

    static let preferredWidth = 104

    private enum Extra {
        case field(String)
        case confirmation(String)
    }

    /// The key field while adding, or the removal question (wrapped) while confirming.
    private static func extraLines(_ panel: SSHKeysPanel, width: Int) -> [Extra] {
        switch panel.mode {
        case .list: return []
        case .adding(let draft): return [.field(draft)]
        case .confirmingRemoval(let key):
            let question =
                "Remove \(key.shortType) key \(key.fingerprint)"
                + (key.comment.map { " (\($0))" } ?? "")
                + " of \(key.email)? It stops logging in at once."
            return TextLayout.wrap(question, width: width).prefix(3).map(Extra.confirmation)
        }
    }

    private static func drawExtra(
        _ extra: Extra, panel: SSHKeysPanel, in rect: Rect, on canvas: inout Canvas
    ) {
        switch extra {
        case .field(let draft):
            TextFieldWidget.draw(
                TextFieldModel(
                    label: "Key", value: draft, isFocused: !panel.isWorking,
                    placeholder: "ssh-ed25519 AAAA... name@laptop"),
                in: rect, labelWidth: 4, on: &canvas)
        case .confirmation(let line):
            canvas.write(
                line, x: rect.x, y: rect.y, style: Style(.flashError), maxWidth: rect.width)
        }
    }

    private static func hint(_ panel: SSHKeysPanel, canAdd: Bool, canRemove: Bool) -> String {
        if panel.isWorking { return "Working…" }
        switch panel.mode {
        case .adding: return "Paste the .pub line · Enter add · Esc back"
        case .confirmingRemoval: return "Enter remove · Esc keep the key"
        case .list:
            var parts: [String] = []
            if canAdd { parts.append("a add") }
            if canRemove { parts.append("X remove") }
            return (parts + ["r reload", "↑/↓ move", "Esc close"]).joined(separator: " · ")
        }
    }

    /// Who added the key: it acts for its user only as far as that person's authority over
    /// the user reaches today, so the panel says whose word it rests on.
    private static func addedByCell(_ key: SSHKeyRecord) -> TableCell {
        guard let adder = key.createdByEmail else {
            return TableCell("unknown", style: Style(.dim))
        }
        return adder == key.email ? TableCell("self", style: Style(.dim)) : TableCell(adder)
    }

    private static func drawTable(
        _ panel: SSHKeysPanel, scoped: Bool, in rect: Rect, on canvas: inout Canvas
    ) {
        var columns = [
            TableColumn("Type", width: .fixed(10)),
            TableColumn("Fingerprint", width: .flex(weight: 12, min: 16)),
            TableColumn("Comment", width: .flex(weight: 1, min: 4)),
            TableColumn("Added by", width: .flex(weight: 2, min: 8)),
            TableColumn("Last used", width: .fixed(10)),
        ]
        if !scoped {
            columns.insert(TableColumn("Member", width: .flex(weight: 3, min: 10)), at: 0)
        }
        let visible = max(1, rect.height - 1)
        let first = min(max(0, panel.selected - visible + 1), max(0, panel.keys.count - visible))
        let rows = panel.keys.dropFirst(first).prefix(visible).map { key -> TableRow in
            var cells = [
                TableCell(key.shortType), TableCell(key.fingerprint),
                TableCell(key.comment ?? "-", style: key.comment == nil ? Style(.dim) : nil),
                addedByCell(key),
                TableCell(key.lastUsedAt.map { AbsoluteTime.formatDay($0) } ?? "never"),
            ]
            if !scoped { cells.insert(TableCell(key.email), at: 0) }
            return TableRow(cells)
        }
        let empty: String
        if panel.isLoading {
            empty = "Loading…"
        } else if scoped {
            empty = "No SSH keys yet"
        } else {
            empty = "No member has an SSH key yet"
        }
        TableWidget.draw(
            TableModel(
                columns: columns, rows: rows, totalRowCount: panel.keys.count, firstRowIndex: first,
                selectedIndex: panel.keys.isEmpty ? nil : panel.selected, emptyMessage: empty),
            in: rect, on: &canvas)
    }
}
