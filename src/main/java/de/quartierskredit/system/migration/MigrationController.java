package de.quartierskredit.system.migration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/migrations}: a process owner moves running loans to a changed model. POST answers
 * the report: 200 for a valid dry run or nothing to migrate, 202 with the batch ids when the batches
 * have started, 400 (problem details with the report) when anything cannot move, and then nothing
 * has moved. GET on a batch id answers its progress and failed jobs.
 */
@RestController
@RequestMapping("/api/admin/migrations")
@Tag(name = "Modellmigration", description = "Laufende Kredite auf geänderte Modelle umstellen (nur Prozessverantwortliche).")
class MigrationController {

  private final ModelMigration migration;

  MigrationController(ModelMigration migration) {
    this.migration = migration;
  }

  @Operation(summary = "Laufende Kredite auf ein geändertes Modell migrieren (nur Prozessverantwortliche)",
      description = """
      Prüft und migriert die laufenden Instanzen eines Prozesses auf eine neuere Version. Mit `dryRun`       nur der Bericht (200); sonst 202 mit den Batch-IDs, oder 400 mit dem Bericht, wenn etwas nicht       übertragbar ist: dann wurde nichts migriert.""")
  @PostMapping
  ResponseEntity<?> migrate(@RequestBody MigrationRequest request) {
    MigrationReport report = migration.migrate(request);
    return switch (report.status()) {
      case "REFUSED" -> {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
            "Die Migration ist so nicht möglich; es wurde nichts migriert. Die Gründe stehen in report.sources[].failures.");
        problem.setTitle("Migration abgelehnt");
        problem.setProperty("report", report);
        yield ResponseEntity.badRequest().body(problem);
      }
      case "STARTED" -> ResponseEntity.accepted().body(report);
      default -> ResponseEntity.ok(report);
    };
  }

  @Operation(summary = "Fortschritt einer Migration (nur Prozessverantwortliche)",
      description = "Stand eines gestarteten Migrations-Batches und seine fehlgeschlagenen Jobs.")
  @GetMapping("/{batchId}")
  BatchProgress progress(@PathVariable String batchId) {
    return migration.progress(batchId);
  }

  @ExceptionHandler(InvalidMigrationRequestException.class)
  ProblemDetail invalid(InvalidMigrationRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Ungültige Eingabe");
    return problem;
  }

  @ExceptionHandler(UnknownMigrationException.class)
  ProblemDetail unknown(UnknownMigrationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Nicht gefunden");
    return problem;
  }
}
