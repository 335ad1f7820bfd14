/// Word lists for demo data: international names (accents, CJK, Arabic, Cyrillic, Greek) with an
/// ASCII spelling for e-mail addresses, companies (some with emoji), cities and messages.
enum DemoNames {
    /// (display, ascii) pairs.
    static let firstNames: [(String, String)] = [
        ("Zoë", "zoe"), ("Zoe", "zoe"), ("José", "jose"), ("Łukasz", "lukasz"), ("François", "francois"),
        ("Søren", "soren"), ("Chloé", "chloe"), ("Björn", "bjorn"), ("Renée", "renee"), ("İlkay", "ilkay"),
        ("Ana", "ana"), ("Priya", "priya"), ("Kwame", "kwame"), ("Olúwaseun", "oluwaseun"), ("Mateo", "mateo"),
        ("Emma", "emma"), ("Liam", "liam"), ("Noah", "noah"), ("Olivia", "olivia"), ("Sofía", "sofia"),
        ("João", "joao"), ("Ingrid", "ingrid"), ("Aarav", "aarav"), ("Mei", "mei"), ("Yuki", "yuki"),
        ("翔太", "shota"), ("美咲", "misaki"), ("伟", "wei"), ("秀英", "xiuying"), ("민준", "minjun"),
        ("محمد", "mohammed"), ("فاطمة", "fatima"), ("Дмитрий", "dmitry"), ("Анна", "anna"),
        ("Αλέξανδρος", "alexandros"), ("Νίκη", "niki"), ("Nguyễn Văn", "van"), ("Thảo", "thao"),
        ("Łucja", "lucja"), ("Małgorzata", "malgorzata"), ("Jürgen", "jurgen"), ("Ångel", "angel"),
        ("Siobhán", "siobhan"), ("Dvořák", "dvorak"), ("Çağla", "cagla"), ("Ñuño", "nuno"),
        ("Hannah", "hannah"), ("Lucas", "lucas"), ("Amélie", "amelie"), ("Rafael", "rafael"),
    ]

    static let lastNames: [(String, String)] = [
        ("Müller", "muller"), ("García", "garcia"), ("Nowak", "nowak"), ("Dubois", "dubois"),
        ("Johansson", "johansson"), ("Silva", "silva"), ("O'Brien", "obrien"), ("Smith", "smith"),
        ("Rossi", "rossi"), ("Kowalski", "kowalski"), ("Novák", "novak"), ("Yılmaz", "yilmaz"),
        ("Okafor", "okafor"), ("Mensah", "mensah"), ("Patel", "patel"), ("Sharma", "sharma"),
        ("田中", "tanaka"), ("佐藤", "sato"), ("王", "wang"), ("李", "li"), ("김", "kim"),
        ("العلي", "alali"), ("حداد", "haddad"), ("Иванов", "ivanov"), ("Петрова", "petrova"),
        ("Παπαδόπουλος", "papadopoulos"), ("Trần", "tran"), ("Lefèvre", "lefevre"), ("Håkansson", "hakansson"),
        ("Fernández", "fernandez"), ("Schröder", "schroder"), ("Zoellner", "zoellner"), ("Brown", "brown"),
        ("Nakamura", "nakamura"), ("Costa", "costa"), ("Ó Súilleabháin", "osullivan"), ("Wójcik", "wojcik"),
    ]

    static let companies: [String] = [
        "Acme Corp", "Rocket 🚀 Labs", "Café ☕ Central", "Green 🌱 Energy", "Nordlicht GmbH", "São Paulo Têxtil",
        "株式会社さくら", "北京科技有限公司", "شركة النور", "Zoëtrope Films", "Łódź Logistics", "Blue Whale 🐳 Shipping",
        "Müller & Söhne", "Crédit Agricole", "Initech", "Globex", "Umbrella Health", "Stark Industries",
        "Wayne Enterprises", "Hooli", "Pied Piper", "Vandelay Imports", "Soylent", "Tyrell", "Cyberdyne",
        "Oceanic Airlines", "Dunder Mifflin", "Sterling Cooper", "Bluth Company", "Prestige Worldwide",
        "Pizza 🍕 Planet", "한빛 솔루션", "Москва Трейд", "Αθήνα Ναυτιλιακή", "Fjällräven Partners",
    ]

    static let jobTitles: [String] = [
        "CEO", "CTO", "Head of Sales", "Purchasing Manager", "Office Manager", "Founder", "Engineer",
        "Marketing Director", "Operations Lead", "Consultant", "Procurement", "Owner", "VP Sales",
    ]

    static let cities: [String] = [
        "São Paulo", "Kraków", "東京", "القاهرة", "München", "Lisboa", "New York", "Lagos", "Mumbai",
        "Москва", "Αθήνα", "Hà Nội", "Seoul", "Reykjavík", "Zürich", "Montréal", "Ciudad de México",
        "İstanbul", "Göteborg", "Cape Town", "Sydney", "Berlin", "Paris", "Madrid", "Toronto",
    ]

    static let messages: [String] = [
        "Interested in the premium plan.", "Asked for a callback next week.", "Wants a demo for the team.",
        "Comparing us with two competitors.", "Budget approved for Q3.", "Met at the trade fair.",
        "Needs pricing for 50 seats.", "Referred by an existing customer.", "Downloaded the white paper.",
        "Requested a quote — urgent.", "Prefers contact by e-mail.", "Looking for a long-term partner.",
        "", "",
    ]

    static let noteTexts: [String] = [
        "Called, left a voicemail.", "Sent the brochure.", "Follow up after the holidays.",
        "Decision maker is the CFO.", "Very positive first call!", "Needs approval from legal.",
        "Asked about integrations with their ERP.", "Price is the main objection.",
        "Prefers calls after 3 pm.", "Met in person — great rapport.", "Rappeler lundi matin.",
        "Llamar el martes.", "月曜日に再度連絡する。", "Kein Interesse im Moment.",
    ]

    static let activityKinds: [(String, String)] = [
        ("call", "Outbound call, 5 minutes"), ("email", "Sent follow-up e-mail"),
        ("meeting", "Intro meeting held"), ("status", "Status changed"), ("note", "Note added"),
    ]

    static let users: [(String, String)] = [
        ("ana", "Ana Souza"), ("ben", "Ben Carter"), ("chen", "Chen Wei"), ("dara", "Dara O'Neill"),
        ("elif", "Elif Kaya"), ("farid", "Farid Haddad"), ("greta", "Greta Lind"), ("hiro", "Hiro Sato"),
        ("ines", "Inês Rocha"), ("jonas", "Jonas Berg"), ("kofi", "Kofi Mensah"), ("lena", "Lena Vogel"),
    ]
}
