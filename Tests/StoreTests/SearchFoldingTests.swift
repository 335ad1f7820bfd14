import Core
import Foundation
import XCTest
@testable import Store

/// Search that finds what people type (issue 12 items 5–7): CJK substrings, folding of letters
/// `unicode61` keeps apart, queries with nothing indexable, and exact counts.
final class SearchFoldingTests: StoreTestCase {
    private func names(_ search: String) throws -> [String] {
        try store.leads(filter: LeadFilter(search: search), limit: 100).map(\.name).sorted()
    }

    func testCJKSubstringsOfTwoOrMoreCharactersMatchAnywhereInARun() throws {
        try store.createLead(makeLead("翔太", "田中", company: "株式会社さくら"))
        try store.createLead(makeLead("伟", "王", company: "北京科技有限公司"))
        try store.createLead(makeLead("Ann", "Lee", company: "Acme"))
        XCTAssertEqual(try names("さくら"), ["翔太 田中"])
        XCTAssertEqual(try names("会社"), ["翔太 田中"])
        XCTAssertEqual(try names("科技"), ["伟 王"])
        XCTAssertEqual(try names("有限公司"), ["伟 王"])
        XCTAssertEqual(try names("株式"), ["翔太 田中"], "the start of a run still matches")
        XCTAssertEqual(try names("ら"), ["翔太 田中"], "one character: the last of a run")
        XCTAssertEqual(try names("科"), ["伟 王"], "one character inside a run")
        XCTAssertEqual(try names("田中"), ["翔太 田中"])
        XCTAssertEqual(try names("社株"), [], "characters not adjacent in that order")
        XCTAssertEqual(try names("さくら ann"), [])
    }

    func testCJKSubstringsFollowEditsAndNotes() throws {
        let id = try store.createLead(makeLead("Ann", "Lee", company: "Acme")).id
        try store.updateLead(id: id, changes: [.company: "東京電力ホールディングス"])
        XCTAssertEqual(try names("電力"), ["Ann Lee"])
        XCTAssertEqual(try names("ホールディングス"), ["Ann Lee"])
        try store.addNote(toLead: id, text: "来週もう一度電話する", author: "ana")
        XCTAssertEqual(try names("電話"), ["Ann Lee"])
    }

    func testLettersWithStrokesLigaturesAndGreekTonosFoldAtIndexAndQueryTime() throws {
        try store.createLead(makeLead("Łucja", "Wójcik", company: "Łódź Logistics"))
        try store.createLead(makeLead("Søren", "Østergaard", company: "Straße & Co"))
        try store.createLead(makeLead("Νίκος", "Παπαδόπουλος", company: "Αθήνα Τεχνική"))
        try store.createLead(makeLead("Đặng", "Ærø", company: "Œuvre"))
        XCTAssertEqual(try names("lodz"), ["Łucja Wójcik"])
        XCTAssertEqual(try names("łódź"), ["Łucja Wójcik"])
        XCTAssertEqual(try names("LUCJA"), ["Łucja Wójcik"])
        XCTAssertEqual(try names("soren ostergaard"), ["Søren Østergaard"])
        XCTAssertEqual(try names("strasse"), ["Søren Østergaard"])
        XCTAssertEqual(try names("Straße"), ["Søren Østergaard"])
        XCTAssertEqual(try names("αθηνα"), ["Νίκος Παπαδόπουλος"])
        XCTAssertEqual(try names("ΑΘΗΝΑ"), ["Νίκος Παπαδόπουλος"])
        XCTAssertEqual(try names("νικος"), ["Νίκος Παπαδόπουλος"], "final sigma and tonos")
        XCTAssertEqual(try names("παπαδοπ"), ["Νίκος Παπαδόπουλος"])
        XCTAssertEqual(try names("dang aero oeuvre"), ["Đặng Ærø"])
    }

    func testQueryWithoutAnyIndexableWordMatchesNothing() throws {
        try store.createLead(makeLead("Ann", "Lee"))
        try store.createLead(makeLead("Bob", "Ray"))
        for query in ["\"", "*", "(", "-", "\"\"", "?", "🏽", "\u{200D}"] {
            XCTAssertEqual(try names(query), [], query)
            XCTAssertEqual(try store.countLeads(filter: LeadFilter(search: query)), 0, query)
        }
        XCTAssertEqual(try names("   ").count, 2, "a blank search is no search")
    }

    func testEmojiSearchMatchesLeadsWithThatEmojiOnly() throws {
        try store.createLead(makeLead("Ann", "Lee", company: "Green 🌱 Farms"))
        try store.createLead(makeLead("Bob", "Ray", company: "Rocket 🚀 Labs"))
        XCTAssertEqual(try names("🌱"), ["Ann Lee"])
        XCTAssertEqual(try names("🚀 labs"), ["Bob Ray"])
        XCTAssertEqual(try names("🐙"), [])
    }

    func testCountIsExactAtTheCapAndCappedOnlyAbove() throws {
        let cap = LeadStore.searchCap
        try store.importLeads((0..<cap).map { makeLead("Zed\($0)", "Cap", company: "Exact") })
        XCTAssertEqual(try store.countLeads(filter: LeadFilter(search: "exact")), cap)
        XCTAssertFalse(try store.searchExceedsCap(filter: LeadFilter(search: "exact")))
        try store.createLead(makeLead("One", "More", company: "Exact"))
        XCTAssertTrue(try store.searchExceedsCap(filter: LeadFilter(search: "exact")))
        XCTAssertFalse(try store.searchExceedsCap(filter: LeadFilter(search: "one")))
    }

    func testVersionFourFileGetsTheFoldedIndexOnOpen() throws {
        try store.createLead(makeLead("Łucja", "Wójcik", company: "株式会社さくら"))
        store = nil
        let raw = try Database(path: path)
        try raw.execute("""
            DROP TABLE lead_fts_vocab; DROP TABLE lead_fts;
            CREATE VIRTUAL TABLE lead_fts USING fts5(name, email, phone, company, notes,
                tokenize = "unicode61 remove_diacritics 2", prefix = '1 2 3', detail = none);
            CREATE VIRTUAL TABLE lead_fts_vocab USING fts5vocab(lead_fts, 'row');
            INSERT INTO lead_fts(rowid, name, email, phone, company, notes)
                SELECT id, first_name || ' ' || last_name, email, phone, company, '' FROM leads;
            PRAGMA user_version = 4;
            """)
        store = try LeadStore(path: path)
        XCTAssertEqual(try store.schemaVersion, LeadStore.currentSchemaVersion)
        XCTAssertEqual(try names("lodz"), [])
        XCTAssertEqual(try names("lucja"), ["Łucja Wójcik"])
        XCTAssertEqual(try names("さくら"), ["Łucja Wójcik"])
    }
}

/// The folding itself, the same for the index and the query.
final class SearchTextTests: XCTestCase {
    func testIndexTextBigramsCJKRunsAndKeepsASCII() {
        XCTAssertEqual(SearchText.indexText("ann@example.com"), "ann@example.com")
        XCTAssertEqual(SearchText.indexText("株式会社"), " 株式 式会 会社 社 ")
        XCTAssertEqual(SearchText.indexText("ACME株式"), "ACME 株式 式 ")
        XCTAssertEqual(SearchText.indexText("Łódź"), "lódź")
    }

    func testTermsSplitWordsAndCJKBigrams() {
        XCTAssertEqual(SearchText.terms("さくら zoe"), [
            .init("さく", isPrefix: false, isCJK: true), .init("くら", isPrefix: false, isCJK: true),
            .init("zoe", isPrefix: true)])
        XCTAssertEqual(SearchText.terms("科"), [.init("科", isPrefix: true, isCJK: true)])
        XCTAssertEqual(SearchText.terms("\" * ("), [])
        XCTAssertEqual(SearchText.terms("Straße"), [.init("Strasse", isPrefix: true)])
    }
}
