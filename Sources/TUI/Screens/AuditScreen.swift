import Foundation
import ViewModels

/// The Audit view (`:audit`): who did what, when, newest first.
enum AuditScreen {
    static let columns = [
        TableColumn("When", width: .fixed(9)),
        TableColumn("Who", width: .flex(weight: 2, min: 10)),
        TableColumn("Action", width: .fixed(18)),
        TableColumn("Change", width: .flex(weight: 4, min: 10)),
    ]

    static func draw(
        _ state: AppState, in rect: Rect, now: Date, offset: inout Int, on canvas: inout Canvas
    ) {
        if let reason = state.auditDenial {
            DeniedPanel.draw(
                title: "The audit log is not available to you", reason: reason,
                hint: "Ask an admin or owner of this workspace.", in: rect, on: &canvas)
            return
        }
        let audit = state.audit
        let (header, rest) = rect.splitTop(2)
        canvas.within(header) { region in
            region.write("Audit log · newest first", x: 1, y: 0, style: Style(.title))
        }
        let visible = TableLayout.visibleRowCount(tableHeight: rest.height)
        offset = TableLayout.scrollOffset(
            selected: audit.entries.isEmpty ? nil : audit.selected, currentOffset: offset,
            visibleRows: visible, totalRows: audit.entries.count)
        let rows = audit.entries.dropFirst(offset).prefix(visible).map { entry in
            TableRow([
                TableCell(RelativeTime.format(entry.createdAt, now: now)), TableCell(entry.actor),
                TableCell(entry.action), TableCell(entry.summary),
            ])
        }
        TableWidget.draw(
            TableModel(
                columns: columns, rows: Array(rows), totalRowCount: audit.entries.count,
                firstRowIndex: offset,
                selectedIndex: audit.entries.isEmpty ? nil : audit.selected,
                emptyMessage: audit.loadError
                    ?? (audit.hasLoaded ? "Nothing has been changed yet" : "Loading…")),
            in: rest, on: &canvas)
    }
}
