import type { Metadata } from "next";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { Toaster } from "sonner";
import { ConfirmHost } from "@/components/ui/confirm";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Keystone", template: "%s · Keystone" },
  description: "Key account management for long-term customer relationships",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">
        {children}
        <Toaster position="bottom-right" richColors closeButton />
        <ConfirmHost />
      </body>
    </html>
  );
}
