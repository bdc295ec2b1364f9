-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "sentParts" INTEGER NOT NULL DEFAULT 0;

