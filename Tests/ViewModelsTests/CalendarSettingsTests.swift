import XCTest
@testable import ViewModels

/// The `[calendar]` section of the config file: week start, reminder minutes and bell, with a
/// `FILE:LINE` message for a bad value (the default is kept) and other sections ignored.
final class CalendarSettingsTests: XCTestCase {
    func testCalendarSectionIsReadAndOtherSectionsIgnored() {
        let text = """
        [remote "crm"]
            kind = leads-crm
            week_start = nonsense
        [calendar]
            week_start = Sunday
            remind_minutes = 30
            remind_bell = yes
        """
        let settings = CalendarSettings.parse(text, name: "config")
        XCTAssertTrue(settings.weekStartsOnSunday)
        XCTAssertEqual(settings.remindMinutes, 30)
        XCTAssertTrue(settings.remindBell)
        XCTAssertEqual(settings.problems, [])
    }

    func testBadValuesKeepTheDefaultsAndSayWhere() {
        let settings = CalendarSettings.parse("[calendar]\nweek_start = friday\nremind_minutes = soon\nremind_bell = loud\ncolour = red\n",
                                              name: "cfg")
        XCTAssertFalse(settings.weekStartsOnSunday)
        XCTAssertEqual(settings.remindMinutes, 15)
        XCTAssertFalse(settings.remindBell)
        XCTAssertEqual(settings.problems, [
            "cfg:2: week_start must be monday or sunday",
            "cfg:3: remind_minutes must be a number of minutes (0–1440)",
            "cfg:4: remind_bell must be yes or no",
            "cfg:5: unknown calendar setting colour",
        ])
        XCTAssertEqual(CalendarSettings.load(path: "/nonexistent/config"), CalendarSettings())
    }
}
