-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "subjectSnapshot" JSONB;
