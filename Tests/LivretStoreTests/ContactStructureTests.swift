import Foundation
import LivretCore
import LivretStore
import LivretTestSupport
import Testing

@Suite("Coordonnées de la structure")
struct ContactStructureTests {
    @Test("Le site s'écrit en https sans barre finale ; l'émetteur le lit ; l'écriture est notée au journal")
    func enregistrees() throws {
        let t = try BaseDeTest()
        #expect(try t.base.contactStructure() == ContactStructure())
        let contact = try t.base.modifierContactStructure(
            ContactStructure(adresse: "  12 place de la Mairie ", telephone: "+33 3 20 12 34 56", courriel: "contact@exemple.fr", site: "exemple.fr/asso/"),
            auteurId: t.formateur.id, date: BaseDeTest.jour)
        #expect(contact == ContactStructure(adresse: "12 place de la Mairie", telephone: "+33 3 20 12 34 56", courriel: "contact@exemple.fr",
                                            site: "https://exemple.fr/asso"))
        #expect(try t.base.contactStructure() == contact)
        try t.base.enregistrerEmetteur(EmetteurEnregistre(identifiant: "urn:uuid:1", nom: "S"))
        #expect(try t.base.emetteur()?.url == "https://exemple.fr/asso", "une adresse, un endroit : celle de la structure")
        #expect(try t.base.journal().last?.action == "contact-structure")
        // An empty field removes it.
        try t.base.modifierContactStructure(ContactStructure(site: " "), auteurId: t.formateur.id, date: BaseDeTest.jour)
        #expect(try t.base.contactStructure() == ContactStructure())
    }

    @Test("Refus clairs, rien d'écrit", arguments: [
        (ContactStructure(site: "http://exemple.fr"), "doit être une adresse https"),
        (ContactStructure(site: "https://exemple.fr/?a=1"), "sans « ? » ni « # »"),
        (ContactStructure(site: "localhost"), "doit être une adresse https"),
        (ContactStructure(courriel: "contact.exemple.fr"), "n'est pas une adresse e-mail"),
        (ContactStructure(telephone: "appelez-nous"), "ne doit compter que des chiffres"),
        (ContactStructure(adresse: "rue\u{1B}[2J"), "l'adresse"),
    ])
    func refus(contact: ContactStructure, message: String) throws {
        let t = try BaseDeTest()
        try t.base.modifierContactStructure(ContactStructure(telephone: "03 20 00 00 00"), auteurId: t.formateur.id, date: BaseDeTest.jour)
        do {
            try t.base.modifierContactStructure(contact, auteurId: t.formateur.id, date: BaseDeTest.jour)
            Issue.record("accepté : \(contact)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
        #expect(try t.base.contactStructure() == ContactStructure(telephone: "03 20 00 00 00"))
    }
}
