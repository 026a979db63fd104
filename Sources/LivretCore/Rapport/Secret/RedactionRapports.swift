extension PublicationConjointe {
    /// The report of scope `p` broken down by `croisement` (one of the scope's breakdowns), its
    /// figures masked as the whole publication decided; `perimetre` names it when the same cohorts
    /// were asked for under another name (a parcours that is the whole structure).
    public func rapport(_ p: Int, croisement: Croisement, perimetre: PerimetreRapport? = nil) -> Rapport {
        let q = tableaux.perimetres[p]
        let publie = tableaux.publies[p]
        precondition(publie.croisements.contains(croisement), "breakdown not published for this scope")
        let sexes = Sexe.allCases
        func ligne(_ c: CalculRapport.Somme, _ l: TableauxConjoints.Ligne, sexe: Sexe?, sousCategorie: String?) -> LigneRapport {
            let inscritsMasque = masque(l.inscrits)
            return LigneRapport(
                sexe: sexe, sousCategorie: sousCategorie,
                inscrits: ValeurPubliee(nombre: c.inscrits, masque: inscritsMasque),
                commences: ValeurPubliee(nombre: c.commences, masque: masque(l.commences)),
                termines: ValeurPubliee(nombre: c.termines, masque: masque(l.termines)),
                abandons: ValeurPubliee(nombre: c.abandons, masque: masque(l.abandons)),
                certifies: ValeurPubliee(nombre: c.certifies, masque: masque(l.certifies)),
                competencesCertifiees: l.competences.map { ValeurPubliee(nombre: c.competences, masque: masque($0)) },
                heuresPrevues: masque(l.heuresPrevues) ? nil : CalculRapport.heures(c.minutesPrevues),
                heuresSuivies: masque(l.heuresSuivies) ? nil : CalculRapport.heures(c.minutesSuivies),
                tauxCompletion: TauxPublie(c.termines, sur: c.inscrits, masque: masque(l.termines) || inscritsMasque),
                tauxAbandon: TauxPublie(c.abandons, sur: c.inscrits, masque: masque(l.abandons) || inscritsMasque),
                tauxCertification: TauxPublie(c.certifies, sur: c.inscrits, masque: masque(l.certifies) || inscritsMasque),
                // A share of hours says nothing of how many people: published wherever the line's count is.
                assiduite: TauxPublie(c.minutesSuivies, sur: c.minutesPrevues, masque: inscritsMasque))
        }
        let totauxParSexe = sexes.indices.map { ligne(q.totaux[$0], q.lignesTotaux[$0], sexe: sexes[$0], sousCategorie: nil) }
        let lignes: [LigneRapport]
        if croisement == .aucun {
            lignes = totauxParSexe
        } else {
            let sous = tableaux.sousCategories(croisement)
            lignes = q.sous[croisement]!.indices.map { i in
                ligne(q.sous[croisement]![i], q.lignesSous[croisement]![i], sexe: sexes[i / sous.count], sousCategorie: sous[i % sous.count])
            }
        }
        let total = ligne(q.ensemble, q.ligneEnsemble, sexe: nil, sousCategorie: nil)
        let motifs = q.motifs.map { MotifPublie(motif: $0.motif, nombre: ValeurPubliee(nombre: $0.nombre, masque: masque($0.cas))) }
        let sorties = zip(TypeSortie.allCases, q.sorties).map { SortiePubliee(type: $0, nombre: ValeurPubliee(nombre: $1.nombre, masque: masque($1.cas))) }
        let objectifs = q.objectifs.map { o in
            let realiseMasque = masque(o.realise)
            return ObjectifPublie(parcours: o.objectif.parcours, libelle: o.objectif.libelle, vise: o.objectif.vise, effectifVise: o.objectif.effectifVise,
                                  realise: ValeurPubliee(nombre: o.objectif.realise, masque: realiseMasque),
                                  effectifReel: ValeurPubliee(nombre: o.objectif.effectifReel, masque: masque(o.effectif)),
                                  atteint: realiseMasque ? nil : o.objectif.realise >= o.objectif.vise)
        }
        let f = sexes.firstIndex(of: .feminin)!, m = sexes.firstIndex(of: .masculin)!
        let ecart = EcartFemmesHommes.calculer(
            terminesF: q.totaux[f].termines, inscritsF: q.totaux[f].inscrits, terminesM: q.totaux[m].termines, inscritsM: q.totaux[m].inscrits,
            seuil: seuil, masquees: [q.lignesTotaux[f].termines, q.lignesTotaux[f].inscrits, q.lignesTotaux[m].termines, q.lignesTotaux[m].inscrits]
                .contains { protection?.masques[$0] ?? false })
        var avertissements = avertissementsSecret(cases: cases(p, croisement: croisement))
        if q.horsStatistiques > 0 {
            avertissements.append("\(q.horsStatistiques) inscription\(q.horsStatistiques > 1 ? "s" : "") hors statistiques : la personne n'a pas donné son accord pour être comptée.")
        }
        return Rapport(perimetre: (perimetre ?? publie.perimetre).libelle, anneeReference: tableaux.anneeReference, seuil: seuil, croisement: croisement,
                       bornesAge: tableaux.tranches.bornes, methodeIntervalle: EcartFemmesHommes.methodeNewcombe, lignes: lignes,
                       totauxParSexe: totauxParSexe, total: total, motifsAbandon: motifs, sorties: sorties, objectifs: objectifs, ecart: ecart,
                       horsStatistiques: q.horsStatistiques, avertissements: avertissements)
    }

    /// The activity review of scope `p` (nil when the publication has no period).
    public func bilan(_ p: Int) -> BilanActivite? {
        guard let a = tableaux.perimetres[p].activite, let periode = tableaux.publies[p].activite else { return nil }
        let totalMasque = masque(a.total)
        let total = periode.beneficiaires.count
        let lignes = a.rubriques.map { rubrique in
            rubrique.libelles.indices.map {
                LigneRepartition(libelle: rubrique.libelles[$0],
                                 nombre: ValeurPubliee(nombre: rubrique.nombres[$0], masque: masque(rubrique.cases[$0])),
                                 part: TauxPublie(rubrique.nombres[$0], sur: total, masque: masque(rubrique.cases[$0]) || totalMasque))
            }
        }
        let minutes = periode.beneficiaires.map(\.minutes).sorted()
        let moyenne: Double? = minutes.isEmpty || totalMasque ? nil : Double(minutes.reduce(0, +)) / Double(minutes.count)
        let mediane: Double? = minutes.isEmpty || totalMasque ? nil
            : minutes.count % 2 == 1 ? Double(minutes[minutes.count / 2])
            : Double(minutes[minutes.count / 2 - 1] + minutes[minutes.count / 2]) / 2
        func heures(_ minutes: Double) -> Double { (minutes / 6).rounded() / 10 }
        return BilanActivite(du: periode.du.description, au: periode.au.description, anneeReference: tableaux.anneeReference, seuil: seuil,
                             bornesAge: tableaux.tranches.bornes, heuresDelivrees: heures(Double(periode.minutesDelivrees)),
                             beneficiaires: ValeurPubliee(nombre: total, masque: totalMasque),
                             seances: totalMasque ? nil : periode.beneficiaires.map(\.seances).reduce(0, +),
                             heuresParBeneficiaire: moyenne.map(heures), heuresMediane: mediane.map(heures),
                             repartitionHeures: lignes[0], parSexe: lignes[1], parAge: lignes[2],
                             avertissements: avertissementsSecret(cases: casesActivite(p)))
    }

    /// What a report says about masking: how many of its figures are masked (never which or why),
    /// or that nothing is.
    func avertissementsSecret(cases: [Int]) -> [String] {
        guard let seuil, let protection else { return [SecretStatistique.avertissementNonMasque] }
        var avertissements: [String] = tableaux.publies.contains(where: \.seul) ? [SecretStatistique.avertissementProtegeSeul] : []
        let nombre = Set(cases).filter { protection.masques[$0] }.count
        if nombre > 0 { avertissements.append(SecretStatistique.avertissementMasque(seuil: seuil, nombre: nombre)) }
        if !protection.sure { avertissements.append(SecretStatistique.avertissementNonProtegeable) }
        return avertissements
    }
}
