/// Words of the seeded Zenvia conversations (deterministic picks per prospect).
enum ZenviaSeedTexts {
    static let inbound = [
        "Hi! Is the offer on your website still valid?", "Could you send me the price list, please?",
        "¿Tienen disponibilidad para una demo el jueves?", "Olá, gostaria de saber mais sobre o plano anual.",
        "Can we move our call to next week?", "Thanks, I received the proposal. A few questions about support.",
        "Bonjour, je voudrais un devis pour 20 licences.", "Is there a discount for non-profits?",
        "We are comparing you with two other vendors 🙂", "Hallo, können Sie mich morgen zurückrufen?",
    ]
    static let outbound = [
        "Hi! Thanks for reaching out, happy to help.", "Here is the price list you asked for.",
        "Sure, Thursday at 10:00 works for us.", "I have sent the proposal to your e-mail.",
        "Just checking in: did you have a chance to look at the quote?", "Our support is included in every plan.",
    ]
    static let comments = [
        "Interested, wants a call back next week.", "Visited the showroom with a colleague.", "No answer, left a voicemail.",
        "Asked about financing options.", "Test drive went well.", "Call about the renewal.",
    ]
}
