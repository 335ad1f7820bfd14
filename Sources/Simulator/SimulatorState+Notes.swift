import Core
import Foundation

extension SimulatorState {
    /// seed 001 create leadnote: slug checks (400), note ≤ 499 (400), owner only (401 "You can't
    /// add note on this lead."). `actor` nil skips the ownership check; `author` defaults to the actor.
    @discardableResult
    public func addNote(slug: String?, text: String?, by actor: String?, author: String? = nil) throws(SimFailure) -> Note {
        try locked { () throws(SimFailure) -> Note in
            let index = try existingLead(slug: slug)
            let problems = LeadRules.validateNote(text)
            if !problems.isEmpty {
                var errors = ValidationErrors()
                for message in problems { errors.add("note", message) }
                throw .validation(errors)
            }
            let lead = leads[index]
            if let actor, lead.owner != actor { throw .request(VendorMessages.cannotAddNote) }
            let now = clock()
            let note = Note(
                id: nextNoteId, leadId: lead.id, text: text ?? "", author: author ?? actor ?? lead.owner,
                createdAt: Date(timeIntervalSince1970: TimeInterval(now)))
            nextNoteId += 1
            notesByLead[lead.id, default: []].append(note)
            noteLead[note.id] = lead.id
            addActivity(leadId: lead.id, type: "note", text: "Note added by \(note.author)", at: now)
            return note
        }
    }

    /// seed 001 delete leadnote: id checks (400 on `note_id`); only the note's author or the lead's
    /// owner may delete it (401 "You can't delete this note."). `actor` nil skips that check.
    public func deleteNote(id text: String?, by actor: String?) throws(SimFailure) {
        try locked { () throws(SimFailure) in
            guard let text else { throw .field("note_id", VendorMessages.required) }
            guard !trimmed(text).isEmpty else { throw .field("note_id", VendorMessages.blank) }
            guard let id = Int64(trimmed(text)), id > 0 else { throw .field("note_id", VendorMessages.invalidNoteId) }
            guard let leadId = noteLead[id], let index = leadIndex(id: leadId), !leads[index].deleted,
                  let position = notesByLead[leadId]?.firstIndex(where: { $0.id == id }),
                  let note = notesByLead[leadId]?[position] else {
                throw .field("note_id", VendorMessages.noteNotFound)
            }
            if let actor, note.author != actor, leads[index].owner != actor {
                throw .request(VendorMessages.cannotDeleteNote)
            }
            notesByLead[leadId]?.remove(at: position)
            noteLead[id] = nil
        }
    }
}
