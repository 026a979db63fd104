/// Computes a ``Rapport`` from aggregated groups. Pure: same input, same report.
public enum CalculRapport {
    /// The report.
    ///
    /// - Parameters:
    ///   - groupes: learners aggregated by (sexe, year of birth, QPV, status), in any order.
    ///   - perimetre: which learners it covers (its label is recorded).
    ///   - objectifs: the parcours' objectives against what was achieved, in the order given.
    ///   - croisement: the breakdown besides sex.
    ///   - tranches: age bands (used with ``Croisement/age``).
    ///   - anneeReference: the year ages are computed at.
    ///   - seuil: counts from 1 to seuil − 1 are masked, with complementary suppression; nil: nothing is masked
    ///     and the report carries ``SecretStatistique/avertissementNonMasque``.
    ///   - horsStatistiques: inscriptions left out for lack of consent (``RegroupementStatistique``); the report says how many.
    public static func calculer(groupes: [GroupeStatistique], perimetre: PerimetreRapport, objectifs: [ObjectifRealise] = [],
                                croisement: Croisement = .aucun, tranches: TranchesAge = .parDefaut, anneeReference: Int,
                                seuil: Int? = SecretStatistique.seuilParDefaut, horsStatistiques: Int = 0) -> Rapport {
        let sexes = Sexe.allCases
        let sous: [String?] = switch croisement {
        case .aucun: [nil]
        case .age: tranches.libelles
        case .qpv: ResidenceQPV.allCases.map(\.libelle)
        case .statut: StatutSocial.allCases.map(\.libelle)
        }
        func rangSous(_ g: GroupeStatistique) -> Int {
            switch croisement {
            case .aucun: 0
            case .age: tranches.rang(anneeNaissance: g.anneeNaissance, anneeReference: anneeReference)
            case .qpv: ResidenceQPV.allCases.firstIndex(of: g.qpv)!
            case .statut: StatutSocial.allCases.firstIndex(of: g.statut)!
            }
        }
        // Cells: lines (sexe-major), then one total per sexe, then the overall total.
        let nLignes = sexes.count * sous.count
        let indexTotalSexe = { (s: Int) in nLignes + s }
        let indexTotal = nLignes + sexes.count
        var cellules = [Somme](repeating: Somme(), count: indexTotal + 1)
        for g in groupes {
            let s = sexes.firstIndex(of: g.sexe)!
            for i in [s * sous.count + rangSous(g), indexTotalSexe(s), indexTotal] { cellules[i].ajouter(g) }
        }
        var contraintes: [[Int]] = sexes.indices.map { s in (0..<sous.count).map { s * sous.count + $0 } + [indexTotalSexe(s)] }
        contraintes.append(sexes.indices.map(indexTotalSexe) + [indexTotal])

        func masque(_ valeur: (Somme) -> Int, lies: [(Int, Int)] = []) -> [Bool] {
            SecretStatistique.masquer(cellules.map(valeur), seuil: seuil, contraintes: contraintes, lies: lies)
        }
        let mInscrits = masque(\.inscrits), mCommences = masque(\.commences), mTermines = masque(\.termines)
        let mAbandons = masque(\.abandons), mCertifies = masque(\.certifies)
        // Competences follow the certified people: masked wherever they are, then complementary.
        let nCellules = cellules.count
        let mCompetences = Array(SecretStatistique.masquer(
            cellules.map(\.certifies) + cellules.map(\.competences), seuil: seuil,
            contraintes: contraintes.map { $0.map { $0 + nCellules } },
            lies: (0..<nCellules).map { ($0, $0 + nCellules) },
            dejaMasques: Set(mCertifies.indices.filter { mCertifies[$0] })
        ).dropFirst(nCellules))
        func ligne(_ i: Int, sexe: Sexe?, sousCategorie: String?) -> LigneRapport {
            let c = cellules[i]
            let inscritsMasque = mInscrits[i]
            return LigneRapport(
                sexe: sexe, sousCategorie: sousCategorie,
                inscrits: ValeurPubliee(nombre: c.inscrits, masque: mInscrits[i]),
                commences: ValeurPubliee(nombre: c.commences, masque: mCommences[i]),
                termines: ValeurPubliee(nombre: c.termines, masque: mTermines[i]),
                abandons: ValeurPubliee(nombre: c.abandons, masque: mAbandons[i]),
                certifies: ValeurPubliee(nombre: c.certifies, masque: mCertifies[i]),
                competencesCertifiees: ValeurPubliee(nombre: c.competences, masque: mCompetences[i]),
                heuresPrevues: inscritsMasque ? nil : heures(c.minutesPrevues),
                heuresSuivies: inscritsMasque ? nil : heures(c.minutesSuivies),
                tauxCompletion: TauxPublie(c.termines, sur: c.inscrits, masque: mTermines[i] || inscritsMasque),
                tauxAbandon: TauxPublie(c.abandons, sur: c.inscrits, masque: mAbandons[i] || inscritsMasque),
                tauxCertification: TauxPublie(c.certifies, sur: c.inscrits, masque: mCertifies[i] || inscritsMasque),
                assiduite: TauxPublie(c.minutesSuivies, sur: c.minutesPrevues, masque: inscritsMasque))
        }
        var lignes: [LigneRapport] = []
        for (s, sexe) in sexes.enumerated() {
            for (k, libelle) in sous.enumerated() { lignes.append(ligne(s * sous.count + k, sexe: sexe, sousCategorie: libelle)) }
        }
        let totauxParSexe = sexes.enumerated().map { ligne(indexTotalSexe($0.offset), sexe: $0.element, sousCategorie: nil) }
        let total = ligne(indexTotal, sexe: nil, sousCategorie: nil)

        // Drop-out reasons: their sum is the published total of drop-outs.
        var motifs: [String: Int] = [:]
        var sorties = [Int](repeating: 0, count: TypeSortie.allCases.count)
        for g in groupes {
            for (motif, n) in g.motifsAbandon { motifs[motif, default: 0] += n }
            for (type, n) in g.sorties {
                let t = TypeSortie(rawValue: type) ?? .autre
                sorties[TypeSortie.allCases.firstIndex(of: t)!] += n
            }
        }
        let cles = motifs.keys.sorted()
        let valeursMotifs = cles.map { motifs[$0]! } + [cellules[indexTotal].abandons]
        let mMotifs = SecretStatistique.masquer(valeursMotifs, seuil: seuil, contraintes: [Array(valeursMotifs.indices)],
                                                dejaMasques: mAbandons[indexTotal] ? [cles.count] : [])
        let motifsPublies = cles.enumerated().map { MotifPublie(motif: $0.element, nombre: ValeurPubliee(nombre: motifs[$0.element]!, masque: mMotifs[$0.offset])) }
        let sortiesPubliees = TypeSortie.allCases.enumerated().map {
            SortiePubliee(type: $0.element, nombre: ValeurPubliee(nombre: sorties[$0.offset], masque: SecretStatistique.sousLeSeuil(sorties[$0.offset], seuil: seuil)))
        }
        let objectifsPublies = objectifs.map { o in
            let realiseMasque = SecretStatistique.sousLeSeuil(o.realise, seuil: seuil)
            return ObjectifPublie(parcours: o.parcours, libelle: o.libelle, vise: o.vise, effectifVise: o.effectifVise,
                                  realise: ValeurPubliee(nombre: o.realise, masque: realiseMasque),
                                  effectifReel: ValeurPubliee(nombre: o.effectifReel, masque: SecretStatistique.sousLeSeuil(o.effectifReel, seuil: seuil)),
                                  atteint: realiseMasque ? nil : o.realise >= o.vise)
        }

        let f = indexTotalSexe(sexes.firstIndex(of: .feminin)!), m = indexTotalSexe(sexes.firstIndex(of: .masculin)!)
        let ecart = EcartFemmesHommes.calculer(
            terminesF: cellules[f].termines, inscritsF: cellules[f].inscrits,
            terminesM: cellules[m].termines, inscritsM: cellules[m].inscrits, seuil: seuil,
            masquees: mTermines[f] || mTermines[m] || mInscrits[f] || mInscrits[m])

        var avertissements: [String] = []
        if let seuil {
            let toutes = [mInscrits, mCommences, mTermines, mAbandons, mCertifies, mCompetences, mMotifs].joined()
            let autres = sortiesPubliees.map(\.nombre.masque) + objectifsPublies.flatMap { [$0.realise.masque, $0.effectifReel.masque] }
            if toutes.contains(true) || autres.contains(true) { avertissements.append(SecretStatistique.avertissementMasque(seuil: seuil)) }
        } else {
            avertissements.append(SecretStatistique.avertissementNonMasque)
        }
        if horsStatistiques > 0 {
            avertissements.append("\(horsStatistiques) inscription\(horsStatistiques > 1 ? "s" : "") hors statistiques : la personne n'a pas donné son accord pour être comptée.")
        }
        return Rapport(perimetre: perimetre.libelle, anneeReference: anneeReference, seuil: seuil, croisement: croisement,
                       bornesAge: tranches.bornes, methodeIntervalle: EcartFemmesHommes.methodeNewcombe, lignes: lignes,
                       totauxParSexe: totauxParSexe, total: total, motifsAbandon: motifsPublies, sorties: sortiesPubliees,
                       objectifs: objectifsPublies, ecart: ecart, horsStatistiques: horsStatistiques, avertissements: avertissements)
    }

    /// Minutes as hours to 0.1 h.
    static func heures(_ minutes: Int) -> Double { (Double(minutes) / 6).rounded() / 10 }

    struct Somme {
        var inscrits = 0, commences = 0, termines = 0, abandons = 0, certifies = 0, competences = 0
        var minutesPrevues = 0, minutesSuivies = 0

        mutating func ajouter(_ g: GroupeStatistique) {
            inscrits += g.inscrits
            commences += g.commences
            termines += g.termines
            abandons += g.abandons
            certifies += g.certifies
            competences += g.competencesCertifiees
            minutesPrevues += g.minutesPrevues
            minutesSuivies += g.minutesSuivies
        }
    }
}
