import LivretCore
import Testing

/// Cell suppression audited by integer linear programming (``ProtectionTableaux``).
@Suite("Secret statistique : masquage et audit")
struct ProtectionTableauxTests {
    /// The example: women commencées 14, terminées 13, abandons 1; men commencés 5, terminés 4,
    /// abandons 1; everybody 19, 17, 2.
    static func exemple() -> (TableauxPublies, [String: Int]) {
        var t = TableauxPublies()
        var c: [String: Int] = [:]
        for (qui, commences, termines, abandons) in [("femmes", 14, 13, 1), ("hommes", 5, 4, 1), ("ensemble", 19, 17, 2)] {
            c[qui + ".c"] = t.ajouter("\(qui), commencés", valeur: commences)
            c[qui + ".t"] = t.ajouter("\(qui), terminés", valeur: termines)
            c[qui + ".a"] = t.ajouter("\(qui), abandons", valeur: abandons)
            t.relier(.auPlus([c[qui + ".t"]!, c[qui + ".a"]!], [c[qui + ".c"]!]))
        }
        for colonne in [".c", ".t", ".a"] { t.relier(.somme([c["femmes" + colonne]!, c["hommes" + colonne]!], total: c["ensemble" + colonne]!)) }
        return (t, c)
    }

    @Test("Le masquage d'hier (abandons seuls masqués) laisse lire un abandon exactement ; l'audit le voit")
    func regressionAbandons() {
        let (t, c) = Self.exemple()
        var hier = t.cases.map { _ in false }
        for cle in ["femmes.a", "hommes.a", "ensemble.a", "hommes.c", "hommes.t"] { hier[c[cle]!] = true }
        let etendues = ProtectionTableaux.auditer(t, masques: hier)
        #expect(etendues[c["femmes.a"]!] == EtendueDeduite(minimum: 0, maximum: 1), "terminées + abandons ≤ commencées : 14 − 13")
    }

    @Test("Protégé : chaque effectif de 1 à 4 masqué a une étendue d'au moins 5")
    func protege() throws {
        let (t, _) = Self.exemple()
        let protection = ProtectionTableaux.proteger(t, seuil: 5)
        #expect(protection.sure)
        for i in t.cases.indices where protection.masques[i] && (1...4).contains(t.cases[i].valeur) {
            let largeur = try #require(protection.etendues[i]).largeur
            #expect(largeur == nil || largeur! >= 5, "\(t.cases[i].libelle) : \(String(describing: protection.etendues[i]))")
        }
        // Deterministic.
        #expect(ProtectionTableaux.proteger(t, seuil: 5) == protection)
    }

    @Test("Un total seul au-dessus du seuil n'est pas masqué pour rien")
    func rienAMasquer() {
        var t = TableauxPublies()
        let a = t.ajouter("a", valeur: 7), b = t.ajouter("b", valeur: 9), total = t.ajouter("total", valeur: 16)
        t.relier(.somme([a, b], total: total))
        #expect(ProtectionTableaux.proteger(t, seuil: 5).masques == [false, false, false])
    }
}
