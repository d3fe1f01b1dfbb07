/// One option of a choice picker; a disabled option stays visible with its reason elsewhere.
public struct ChoiceOption: Sendable, Hashable {
    public var label: String
    public var isEnabled: Bool

    public init(_ label: String, isEnabled: Bool = true) {
        self.label = label
        self.isEnabled = isEnabled
    }
}

/// What a choice picker shows: a label and options in a row, one selected.
public struct ChoicePickerModel: Sendable, Hashable {
    public var label: String
    public var options: [ChoiceOption]
    public var selected: Int
    public var isFocused: Bool
    public var error: String?

    public init(
        label: String, options: [ChoiceOption], selected: Int = 0, isFocused: Bool = false,
        error: String? = nil
    ) {
        self.label = label
        self.options = options
        self.selected = selected
        self.isFocused = isFocused
        self.error = error
    }

    /// The next enabled option in `direction` (+1 right, -1 left), wrapping; for ←/→ handling.
    public func moving(_ direction: Int) -> ChoicePickerModel {
        guard !options.isEmpty else { return self }
        var copy = self
        var index = selected
        for _ in 0..<options.count {
            index = (index + direction + options.count) % options.count
            if options[index].isEnabled {
                copy.selected = index
                return copy
            }
        }
        return self
    }
}

/// Draws a row of radio options: `Role        ◉ admin  ○ member  ○ viewer`.
///
/// The selected option has a filled marker and, when focused, the selection role, so it reads
/// without colour.
public enum ChoicePickerWidget {
    public static func height(of picker: ChoicePickerModel) -> Int {
        picker.error == nil ? 1 : 2
    }

    public static func draw(
        _ picker: ChoicePickerModel, in rect: Rect, labelWidth: Int = 12, on canvas: inout Canvas
    ) {
        guard !rect.isEmpty else { return }
        canvas.within(rect) { region in
            var x = 0
            if !picker.label.isEmpty {
                region.write(
                    picker.label, x: 0, y: 0, width: labelWidth, alignment: .left,
                    style: Style(.label))
                x = labelWidth + 1
            }
            let optionsX = x
            for (index, option) in picker.options.enumerated() {
                let isSelected = index == picker.selected
                let marker = isSelected ? "◉" : "○"
                let style: Style
                if !option.isEnabled {
                    style = Style(.disabled)
                } else if isSelected {
                    style = picker.isFocused ? Style(.selection) : Style(.input, .bold)
                } else {
                    style = .body
                }
                x += region.write(
                    "\(marker) \(option.label)", x: x, y: 0, style: style, maxWidth: rect.width - x)
                x += region.write("  ", x: x, y: 0, maxWidth: rect.width - x)
            }
            if let error = picker.error, rect.height >= 2 {
                region.write(
                    "✖ " + error, x: optionsX, y: 1, style: Style(.inputError),
                    maxWidth: rect.width - optionsX)
            }
        }
    }
}
