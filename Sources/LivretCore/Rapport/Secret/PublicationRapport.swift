/// The figures of one synthesis report as ``TableauxPublies``: every count of every line, the
/// drop-out reasons, the exits and the objectives, with every relation a reader knows between them.
///
/// Relations (all true by construction of the counts, see ``Decompte``):
/// - for each column, the sub-rows of a sex add up to that sex, the four sexes to « ensemble »;
/// - in each line, commencés ≤ inscrits, terminés + abandons ≤ commencés, certifiés ≤ inscrits,
///   certifiés ≤ compétences certifiées ≤ 16 × certifiés (a certified person has 1 to 16);
/// - the reasons add up to the drop-outs of « ensemble »; the exits, each of them, at most the
///   inscriptions; an objective achieved at most its group.
/// Rates, hours and the women–men gap are published only where the counts they are computed
/// from are: they add nothing an attacker could use.
struct PublicationRapport {
    struct Colonnes {
        var inscrits, commences, termines, abandons, certifies, competences: Int
    }

    /// The case of each column for one line.
    struct Index {
        var inscrits, commences, termines, abandons, certifies, competences: Int
    }

    var tableaux = TableauxPublies()
    /// One per line of the report (sub-rows, then one per sex, then « ensemble »).
    var index: [Index] = []
    var motifs: [Int] = []
    var sorties: [Int] = []
    var objectifs: [(realise: Int, effectifReel: Int)] = []

    /// - Parameters:
    ///   - cellules: the counts of each line; `libelles` their names.
    ///   - sommes: (parts, total) by line index: the parts add up to the total, in every column.
    ///   - motifs, sorties: label and count; `objectifs`: label, achieved, group.
    ///   - total: the line of « ensemble » (drop-out reasons add up to its drop-outs).
    init(cellules: [Colonnes], libelles: [String], sommes: [([Int], Int)], motifs: [(String, Int)], sorties: [(String, Int)],
         objectifs: [(String, Int, Int)], total: Int) {
        for (rangee, (c, libelle)) in zip(cellules, libelles).enumerated() {
            let i = Index(inscrits: tableaux.ajouter("\(libelle), inscrits", valeur: c.inscrits, rangee: rangee),
                          commences: tableaux.ajouter("\(libelle), commencés", valeur: c.commences, rangee: rangee),
                          termines: tableaux.ajouter("\(libelle), terminés", valeur: c.termines, rangee: rangee),
                          abandons: tableaux.ajouter("\(libelle), abandons", valeur: c.abandons, rangee: rangee),
                          certifies: tableaux.ajouter("\(libelle), certifiés", valeur: c.certifies, rangee: rangee),
                          competences: tableaux.ajouter("\(libelle), compétences certifiées", valeur: c.competences, sensible: false,
                                                        rangee: rangee))
            index.append(i)
            tableaux.relier(.auPlus([i.commences], [i.inscrits]))
            tableaux.relier(.auPlus([i.termines, i.abandons], [i.commences]))
            tableaux.relier(.auPlus([i.certifies], [i.inscrits]))
            tableaux.relier(.auPlus([i.certifies], [i.competences]))
            tableaux.relier(.auPlus([i.competences], [i.certifies], facteur: 16))
        }
        let colonnes: [KeyPath<Index, Int>] = [\.inscrits, \.commences, \.termines, \.abandons, \.certifies, \.competences]
        for (parties, somme) in sommes {
            for colonne in colonnes {
                tableaux.relier(.somme(parties.map { index[$0][keyPath: colonne] }, total: index[somme][keyPath: colonne]))
            }
        }
        self.motifs = motifs.map { tableaux.ajouter("abandons pour le motif « \($0.0) »", valeur: $0.1) }
        if !self.motifs.isEmpty { tableaux.relier(.somme(self.motifs, total: index[total].abandons)) }
        self.sorties = sorties.map { tableaux.ajouter("sorties : \($0.0)", valeur: $0.1) }
        self.objectifs = objectifs.map { libelle, realise, effectif in
            let r = tableaux.ajouter("\(libelle), réalisé", valeur: realise)
            let e = tableaux.ajouter("\(libelle), effectif", valeur: effectif)
            tableaux.relier(.auPlus([r], [e]))
            return (r, e)
        }
    }
}
