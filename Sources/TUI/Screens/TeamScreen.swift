import Foundation
import ViewModels

/// The Team tab: counts and seats, the active filters, and the member table.
enum TeamScreen {
    static let columns = [
        TableColumn("Name", width: .flex(weight: 2, min: 8)),
        TableColumn("Email", width: .flex(weight: 3, min: 10)),
        TableColumn("Role", width: .fixed(6)),
        TableColumn("Status", width: .fixed(8)),
        TableColumn("Last active", width: .fixed(11)),
    ]

    static func draw(
        _ state: AppState, in rect: Rect, now: Date, offset: inout Int, on canvas: inout Canvas
    ) {
        let team = state.team
        let (header, rest) = rect.splitTop(2)
        canvas.within(header) { region in
            region.write(summary(team), x: 1, y: 0, style: Style(.title))
            if let seats = team.counts.map({
                GaugeModel(label: "Seats", used: $0.seatsUsed, limit: $0.seatLimit)
            }) {
                let text = "Seats " + GaugeWidget.describe(seats)
                let width = DisplayWidth.of(text)
                if width + 2 < header.width - DisplayWidth.of(summary(team)) - 2 {
                    region.write(
                        text, x: header.width - width - 1, y: 0, style: Style(seats.level.role))
                }
            }
            region.write(filters(team), x: 1, y: 1, style: Style(.dim))
        }
        let visible = TableLayout.visibleRowCount(tableHeight: rest.height)
        offset = TableLayout.scrollOffset(
            selected: team.rows.isEmpty ? nil : team.selected, currentOffset: offset,
            visibleRows: visible,
            totalRows: team.rows.count)
        let window = team.rows.dropFirst(offset).prefix(visible)
        let table = TableModel(
            columns: columns,
            rows: window.map { row(for: $0, now: now) },
            totalRowCount: team.rows.count,
            firstRowIndex: offset,
            selectedIndex: team.rows.isEmpty ? nil : team.selected,
            sort: sort(team.query),
            emptyMessage: emptyMessage(team))
        TableWidget.draw(table, in: rest, on: &canvas)
    }

    /// "6 members · 4 active · 1 pending · 1 inactive".
    static func summary(_ team: TeamState) -> String {
        guard let counts = team.counts else {
            return team.isLoading ? "Loading members…" : "Members"
        }
        let noun = counts.total == 1 ? "member" : "members"
        return
            "\(NumberText.grouped(counts.total)) \(noun) · \(NumberText.grouped(counts.active)) active · "
            + "\(NumberText.grouped(counts.pending)) pending · \(NumberText.grouped(counts.inactive)) inactive"
    }

    static func filters(_ team: TeamState) -> String {
        let query = team.query
        var parts = [
            "status: \(query.status?.rawValue ?? "all")",
            "role: \(query.role?.rawValue ?? "all")",
        ]
        if !query.search.isEmpty { parts.append("search: \"\(query.search)\"") }
        if team.hasAfter || team.hasBefore {
            parts.append("showing \(NumberText.grouped(team.rows.count)) loaded rows")
        }
        return parts.joined(separator: "  ")
    }

    static func row(for member: Member, now: Date) -> TableRow {
        let lastActive = member.lastActiveAt.map { RelativeTime.format($0, now: now) } ?? "never"
        let status: TableCell
        switch member.status {
        case .active: status = TableCell("active")
        case .pending: status = TableCell("pending", style: Style(.flashWarn))
        case .inactive: status = TableCell("inactive", style: Style(.disabled))
        }
        let style: Style? = member.status == .inactive ? Style(.disabled) : nil
        return TableRow(
            [
                TableCell(
                    member.fullName.isEmpty ? "(invited)" : member.fullName,
                    style: member.fullName.isEmpty ? Style(.dim) : nil),
                TableCell(member.email), TableCell(member.role.rawValue), status,
                TableCell(member.status == .pending ? expiry(member, now: now) : lastActive),
            ], style: style)
    }

    static func expiry(_ member: Member, now: Date) -> String {
        guard let expires = member.invitationExpiresAt else { return "-" }
        return expires < now
            ? "expired"
            : "exp "
                + RelativeTime.format(expires, now: now).replacingOccurrences(of: "in ", with: "")
    }

    static func sort(_ query: MemberQuery) -> TableSort? {
        let index: Int?
        switch query.sort {
        case .name: index = 0
        case .email: index = 1
        case .role: index = 2
        case .status: index = 3
        case .lastActive: index = 4
        case .joined: index = nil
        }
        return index.map {
            TableSort(column: $0, direction: query.ascending ? .ascending : .descending)
        }
    }

    static func emptyMessage(_ team: TeamState) -> String {
        if team.isLoading { return "Loading…" }
        if let error = team.loadError { return error }
        if !team.query.search.isEmpty { return "No members match \"\(team.query.search)\"" }
        if team.query.status != nil || team.query.role != nil {
            return "No members match the filters (f / F to change)"
        }
        return "No members yet - press i to invite someone"
    }
}
