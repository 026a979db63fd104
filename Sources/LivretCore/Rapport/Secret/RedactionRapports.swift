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
                       horsStatistiques: q.horsStatistiques, avertissements: avertissements,
                       satisfaction: satisfaction(q.qualite), suivis: q.qualite.suivis.isEmpty ? nil : suivis(q.qualite))
    }

    /// Respondents and satisfied by sex, and each question's answers, as masked.
    func satisfaction(_ q: TableauxConjoints.Qualite) -> SatisfactionPubliee? {
        guard let ensemble = q.satisfaction.last else { return nil }
        let sexes: [Sexe?] = Sexe.allCases + [nil]
        let lignes = zip(sexes, q.satisfaction).map { sexe, l in
            SatisfactionPubliee.Ligne(sexe: sexe, repondants: ValeurPubliee(nombre: l.repondants.nombre, masque: masque(l.repondants.cas)),
                                      satisfaits: ValeurPubliee(nombre: l.satisfaits.nombre, masque: masque(l.satisfaits.cas)),
                                      part: TauxPublie(l.satisfaits.nombre, sur: l.repondants.nombre,
                                                       masque: masque(l.satisfaits.cas) || masque(l.repondants.cas)))
        }
        let questions = zip(QuestionnaireSatisfaction.questions, q.questions).map { question, niveaux in
            SatisfactionPubliee.Question(question: question, reponses: niveaux.map { ValeurPubliee(nombre: $0.nombre, masque: masque($0.cas)) },
                                         parts: niveaux.map { TauxPublie($0.nombre, sur: ensemble.repondants.nombre,
                                                                          masque: masque($0.cas) || masque(ensemble.repondants.cas)) })
        }
        return SatisfactionPubliee(lignes: lignes, questions: questions)
    }

    /// Follow-ups by delay and sex, as masked.
    func suivis(_ q: TableauxConjoints.Qualite) -> [SuiviPublie] {
        let sexes: [Sexe?] = Sexe.allCases + [nil]
        let n = SituationApresAction.allCases.count
        let emploi = 1 + SituationApresAction.allCases.firstIndex(of: .emploi)!, formation = 1 + SituationApresAction.allCases.firstIndex(of: .formation)!
        return q.suivis.map { delai, lignes in
            SuiviPublie(delaiMois: delai, lignes: zip(sexes, lignes).map { sexe, c in
                let v = c.map { ValeurPubliee(nombre: $0.nombre, masque: masque($0.cas)) }
                return SuiviPublie.Ligne(sexe: sexe, suivis: v[0], situations: Array(v[1...n]), tempsPartiel: v[n + 1], enLien: v[n + 2],
                                         partPositive: TauxPublie(c[emploi].nombre + c[formation].nombre, sur: c[0].nombre,
                                                                  masque: masque(c[0].cas) || masque(c[emploi].cas) || masque(c[formation].cas)))
            })
        }
    }

    /// The activity review of scope `p` (nil when the publication has no period).
    public func bilan(_ p: Int) -> BilanActivite? {
        guard let a = tableaux.perimetres[p].activite, let periode = tableaux.publies[p].activite else { return nil }
        let totalMasque = masque(a.total)
        let total = periode.beneficiaires.count
        func lignes(_ r: TableauxConjoints.RubriqueActivite) -> [LigneRepartition] {
            r.libelles.indices.map {
                LigneRepartition(libelle: r.libelles[$0], nombre: ValeurPubliee(nombre: r.nombres[$0], masque: masque(r.cases[$0])),
                                 part: TauxPublie(r.nombres[$0], sur: total, masque: masque(r.cases[$0]) || totalMasque))
            }
        }
        let minutes = periode.beneficiaires.map(\.minutes).sorted()
        let moyenne: Double? = minutes.isEmpty || totalMasque ? nil : Double(minutes.reduce(0, +)) / Double(minutes.count)
        let mediane: Double? = minutes.isEmpty || totalMasque ? nil
            : minutes.count % 2 == 1 ? Double(minutes[minutes.count / 2])
            : Double(minutes[minutes.count / 2 - 1] + minutes[minutes.count / 2]) / 2
        func heures(_ minutes: Double) -> Double { (minutes / 6).rounded() / 10 }
        func ligne(_ g: TableauxConjoints.GroupeActivite) -> LigneActivite {
            let masqueB = masque(g.beneficiaires.cas), masqueH = masque(g.heures)
            return LigneActivite(libelle: g.libelle, heures: masqueH ? nil : heures(Double(g.minutes)),
                                 passages: ValeurPubliee(nombre: g.passages.nombre, masque: masque(g.passages.cas)),
                                 beneficiaires: ValeurPubliee(nombre: g.beneficiaires.nombre, masque: masqueB),
                                 part: TauxPublie(g.beneficiaires.nombre, sur: total, masque: masqueB || totalMasque),
                                 heuresParBeneficiaire: masqueB || masqueH || g.beneficiaires.nombre == 0 ? nil
                                     : heures(Double(g.minutes) / Double(g.beneficiaires.nombre)))
        }
        let toutesMinutes = minutes.reduce(0, +)
        let permanence = a.types.first { $0.libelle == TypeActivite.permanence.libelle }
        // Visits to permanences per day of opening: every such visit is on a day of opening.
        let parJour: Double? = periode.joursOuverture == 0 ? nil : permanence.flatMap { p in
            masque(p.passages.cas) ? nil : (Double(p.passages.nombre) / Double(periode.joursOuverture) * 10).rounded() / 10
        }
        let passages = a.passages
        let accompagnements = a.types.filter { $0.libelle != TypeActivite.cohorte.libelle }
        let q = tableaux.perimetres[p].qualite
        return BilanActivite(du: periode.du.description, au: periode.au.description, anneeReference: tableaux.anneeReference, seuil: seuil,
                             bornesAge: tableaux.tranches.bornes, heuresDelivrees: heures(Double(periode.minutesDelivrees)),
                             beneficiaires: ValeurPubliee(nombre: total, masque: totalMasque),
                             seances: totalMasque || masque(passages.cas) ? nil : passages.nombre,
                             heuresParBeneficiaire: moyenne.map(heures), heuresMediane: mediane.map(heures),
                             repartitionHeures: lignes(a.rubrique("heures")), parSexe: lignes(a.rubrique("sexe")), parAge: lignes(a.rubrique("âge")),
                             heuresBeneficiaires: masque(a.heures) ? nil : heures(Double(toutesMinutes)),
                             passages: ValeurPubliee(nombre: passages.nombre, masque: masque(passages.cas)),
                             plusieursFois: LigneRepartition(libelle: "venues plusieurs fois",
                                                             nombre: ValeurPubliee(nombre: a.plusieursFois.nombre, masque: masque(a.plusieursFois.cas)),
                                                             part: TauxPublie(a.plusieursFois.nombre, sur: total, masque: masque(a.plusieursFois.cas) || totalMasque)),
                             joursOuverture: periode.joursOuverture, beneficiairesParJour: parJour,
                             parActivite: a.types.map(ligne), parLieu: a.lieux.map(ligne),
                             histogramme: lignes(a.rubrique("histogramme")), parMajorite: lignes(a.rubrique("majorité")),
                             thematiques: a.thematiques.map { t in
                                 LigneRepartition(libelle: t.thematique.libelle, nombre: ValeurPubliee(nombre: t.nombre, masque: masque(t.cas)),
                                                  part: TauxPublie(t.nombre, sur: accompagnements.map(\.passages.nombre).reduce(0, +),
                                                                   masque: masque(t.cas) || accompagnements.contains { masque($0.passages.cas) }))
                             },
                             thematiquesSeances: Self.thematiquesSeances(periode),
                             satisfaction: satisfaction(q), suivis: suivis(q), temoignages: q.temoignages,
                             avertissements: avertissementsSecret(cases: casesActivite(p)))
    }

    /// Séances held per Coop thématique, in the Coop's order, with their share of the séances held.
    /// Not masked: a séance is a session the structure held, not a person (like the hours delivered).
    static func thematiquesSeances(_ periode: ActivitePeriode) -> [LigneRepartition] {
        let total = periode.sujetsSeances.count
        return ThematiqueCoop.allCases.compactMap { t in
            guard let n = periode.thematiquesSeances[t], n > 0 else { return nil }
            return LigneRepartition(libelle: t.libelle, nombre: ValeurPubliee(nombre: n, masque: false),
                                    part: TauxPublie(n, sur: total, masque: false))
        }
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
