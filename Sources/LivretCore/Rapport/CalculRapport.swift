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
        calculerAvecAudit(groupes: groupes, perimetre: perimetre, objectifs: objectifs, croisement: croisement, tranches: tranches,
                          anneeReference: anneeReference, seuil: seuil, horsStatistiques: horsStatistiques, audit: false).rapport
    }

    /// The report and the audit of its masked figures (nil without masking): what ``calculer`` publishes, and how it was made safe.
    public static func calculerAvecAudit(groupes: [GroupeStatistique], perimetre: PerimetreRapport, objectifs: [ObjectifRealise] = [],
                                         croisement: Croisement = .aucun, tranches: TranchesAge = .parDefaut, anneeReference: Int,
                                         seuil: Int? = SecretStatistique.seuilParDefaut,
                                         horsStatistiques: Int = 0, audit avecAudit: Bool = true) -> (rapport: Rapport, audit: AuditSecret?) {
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
        // Drop-out reasons and exits (counted at the level of the whole report).
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

        // Everything this report publishes, with every relation between its figures, protected together.
        func libelleCellule(_ i: Int) -> String {
            if i == indexTotal { return "ensemble" }
            // Without a breakdown a sex's line and its total are one figure shown twice: one name.
            if i >= nLignes { return sexes[i - nLignes].libelle + (croisement == .aucun ? "" : " (toutes catégories)") }
            let sexe = sexes[i / sous.count].libelle
            return sous[i % sous.count].map { "\(sexe) — \($0)" } ?? sexe
        }
        let publication = PublicationRapport(cellules: cellules.map { c in
            PublicationRapport.Colonnes(inscrits: c.inscrits, commences: c.commences, termines: c.termines, abandons: c.abandons,
                                        certifies: c.certifies, competences: c.competences)
        }, libelles: cellules.indices.map(libelleCellule),
           sommes: sexes.indices.map { s in ((0..<sous.count).map { s * sous.count + $0 }, indexTotalSexe(s)) }
               + [(sexes.indices.map(indexTotalSexe), indexTotal)],
           motifs: cles.map { ($0, motifs[$0]!) }, sorties: TypeSortie.allCases.enumerated().map { ($0.element.libelle, sorties[$0.offset]) },
           objectifs: objectifs.map { ($0.parcours + " — " + $0.libelle, $0.realise, $0.effectifReel) }, total: indexTotal)
        let protection = seuil.map { ProtectionTableaux.proteger(publication.tableaux, seuil: $0, audit: avecAudit) }
        func masque(_ cas: Int) -> Bool { protection?.masques[cas] ?? false }
        func masques(_ colonne: KeyPath<PublicationRapport.Index, Int>) -> [Bool] { publication.index.map { masque($0[keyPath: colonne]) } }
        let mInscrits = masques(\.inscrits), mCommences = masques(\.commences), mTermines = masques(\.termines)
        let mAbandons = masques(\.abandons), mCertifies = masques(\.certifies), mCompetences = masques(\.competences)
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

        let motifsPublies = cles.enumerated().map {
            MotifPublie(motif: $0.element, nombre: ValeurPubliee(nombre: motifs[$0.element]!, masque: masque(publication.motifs[$0.offset])))
        }
        let sortiesPubliees = TypeSortie.allCases.enumerated().map {
            SortiePubliee(type: $0.element, nombre: ValeurPubliee(nombre: sorties[$0.offset], masque: masque(publication.sorties[$0.offset])))
        }
        let objectifsPublies = objectifs.enumerated().map { k, o in
            let realiseMasque = masque(publication.objectifs[k].realise)
            return ObjectifPublie(parcours: o.parcours, libelle: o.libelle, vise: o.vise, effectifVise: o.effectifVise,
                                  realise: ValeurPubliee(nombre: o.realise, masque: realiseMasque),
                                  effectifReel: ValeurPubliee(nombre: o.effectifReel, masque: masque(publication.objectifs[k].effectifReel)),
                                  atteint: realiseMasque ? nil : o.realise >= o.vise)
        }

        let f = indexTotalSexe(sexes.firstIndex(of: .feminin)!), m = indexTotalSexe(sexes.firstIndex(of: .masculin)!)
        let ecart = EcartFemmesHommes.calculer(
            terminesF: cellules[f].termines, inscritsF: cellules[f].inscrits,
            terminesM: cellules[m].termines, inscritsM: cellules[m].inscrits, seuil: seuil,
            masquees: mTermines[f] || mTermines[m] || mInscrits[f] || mInscrits[m])

        var avertissements: [String] = []
        if let seuil, let protection {
            let nombre = protection.masques.filter { $0 }.count
            if nombre > 0 { avertissements.append(SecretStatistique.avertissementMasque(seuil: seuil, nombre: nombre)) }
            if !protection.sure { avertissements.append(SecretStatistique.avertissementNonProtegeable) }
        } else {
            avertissements.append(SecretStatistique.avertissementNonMasque)
        }
        if horsStatistiques > 0 {
            avertissements.append("\(horsStatistiques) inscription\(horsStatistiques > 1 ? "s" : "") hors statistiques : la personne n'a pas donné son accord pour être comptée.")
        }
        var audit: AuditSecret?
        if let seuil, let protection, avecAudit { audit = AuditSecret(seuil: seuil, tableaux: publication.tableaux, protection: protection) }
        let rapport = Rapport(perimetre: perimetre.libelle, anneeReference: anneeReference, seuil: seuil, croisement: croisement,
                       bornesAge: tranches.bornes, methodeIntervalle: EcartFemmesHommes.methodeNewcombe, lignes: lignes,
                       totauxParSexe: totauxParSexe, total: total, motifsAbandon: motifsPublies, sorties: sortiesPubliees,
                       objectifs: objectifsPublies, ecart: ecart, horsStatistiques: horsStatistiques, avertissements: avertissements)
        return (rapport, audit)
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
