import Testing
@testable import livret

/// The forms of ArgumentParser's messages that no command of `livret` can produce today (no
/// exclusive flags, no command that requires a subcommand), said in French all the same.
@Suite("Messages d'erreur de la bibliothèque, traduits")
struct ErreursAnalyseTests {
    @Test("Options exclusives, sous-commande manquante, forme inconnue")
    func formesRares() throws {
        let racine = try #require(DescriptionCommandes.racine)
        let exclusives = ErreursAnalyse.traduire("Value to be set with flag '--json' had already been set with flag '--csv'", chemin: [racine])
        #expect(exclusives.0 == "--json et --csv s'excluent : n'en donnez qu'une.")
        #expect(ErreursAnalyse.traduire("Missing required subcommand.", chemin: [racine]).0
            == "il manque la sous-commande : choisissez-en une ci-dessous.")
        #expect(ErreursAnalyse.traduire("Missing one of: '--a', '--b'", chemin: [racine]).0 == "il manque l'un de ces arguments : --a, --b.")
        // A ValidationError of a command is already French: kept as it is.
        #expect(ErreursAnalyse.traduire("Indiquez au moins un fichier à vérifier.", chemin: [racine]).0 == "Indiquez au moins un fichier à vérifier.")
    }

    @Test("La coupure des lignes ne sépare pas les deux-points ni les guillemets de leur mot")
    func coupure() {
        let texte = AideFrancaise.envelopper("Durée : de 1 à 600 minutes, « vraiment » longue", largeur: 20)
        #expect(!texte.split(separator: "\n").contains { $0.hasPrefix(":") || $0.hasPrefix("»") || $0.hasSuffix("«") }, "\(texte)")
    }
}
